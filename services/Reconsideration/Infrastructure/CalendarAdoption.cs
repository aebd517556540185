using Fazhi.Calendar;
using CaseStatus = Fazhi.Contracts.Reconsideration.CaseStatus;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Reconsideration.Infrastructure;

/// <summary>
/// When the service starts with a holiday schedule its open cases were not computed with (a new year's notice loaded
/// through Calendar:Path, or shipped in a release), recomputes their deadlines from today on and saves them through
/// the group commit, so each gets an audit entry ("AdoptCalendar") and a new state event for reporting. Deadlines in
/// force before today stay as they were: figures for past days do not move.
/// </summary>
public sealed class CalendarAdoption(
    IServiceScopeFactory scopes,
    GroupCommitWriter<ReconsiderationDbContext, ReconsiderationCase> writer,
    WorkingDayCalendar calendar,
    BusinessClock clock,
    ILogger<CalendarAdoption> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private static readonly CaseStatus[] Open = [CaseStatus.Received, CaseStatus.AwaitingMaterials, CaseStatus.Accepted, CaseStatus.Suspended];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var origin = new CommandOrigin(null, "AdoptCalendar", $"holiday schedule {calendar.Version} loaded", null);
        var adopted = 0;
        Guid? after = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ids = await NextPageAsync(after, stoppingToken);
                if (ids.Count == 0) break;
                var today = clock.Today();
                var changed = await Task.WhenAll(ids.Select(id =>
                    writer.ChangeAsync(id, origin, c => c.AdoptCalendar(calendar, today), c => c.CalendarVersion == calendar.Version, stoppingToken)));
                adopted += changed.Count(c => c);
                after = ids[^1];
            }
            catch (Exception ex) when (ErrorStatus.TransientReason(ex) is not null && !stoppingToken.IsCancellationRequested)
            {
                // The database is unreachable (say, at start-up): try the page again later; an exception here would
                // stop the whole service (BackgroundServiceExceptionBehavior.StopHost).
                logger.LogWarning(ex, "Calendar adoption waits {Delay} for the database", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
        if (adopted > 0) logger.LogInformation("Recomputed the deadlines of {Count} open cases for holiday schedule {Version}", adopted, calendar.Version);
    }

    private async Task<List<Guid>> NextPageAsync(Guid? after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReconsiderationDbContext>();
        var query = db.Cases.AsNoTracking().Where(c => Open.Contains(c.Status) && c.CalendarVersion != calendar.Version);
        if (after is { } last) query = query.Where(c => c.Id.CompareTo(last) > 0);
        return await query.OrderBy(c => c.Id).Select(c => c.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
