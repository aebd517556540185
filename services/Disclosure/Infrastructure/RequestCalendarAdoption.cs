using Fazhi.Calendar;
using RequestStatus = Fazhi.Contracts.Disclosure.RequestStatus;
using Fazhi.Disclosure.Domain;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// As reconsideration's calendar adoption: when the service starts with a holiday schedule its open requests were not
/// computed with, recomputes their due dates through the group commit, so each gets an audit entry ("AdoptCalendar").
/// </summary>
public sealed class RequestCalendarAdoption(
    IServiceScopeFactory scopes,
    GroupCommitWriter<DisclosureDbContext, DisclosureRequest> writer,
    WorkingDayCalendar calendar,
    ILogger<RequestCalendarAdoption> logger) : BackgroundService
{
    private const int PageSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly RequestStatus[] Open = [RequestStatus.Open, RequestStatus.AwaitingClarification];

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
                var changed = await Task.WhenAll(ids.Select(id =>
                    writer.ChangeAsync(id, origin, r => r.AdoptCalendar(calendar), r => r.CalendarVersion == calendar.Version, stoppingToken)));
                adopted += changed.Count(c => c);
                after = ids[^1];
            }
            catch (Exception ex) when (ErrorStatus.TransientReason(ex) is not null && !stoppingToken.IsCancellationRequested)
            {
                // The database is unreachable (say, at start-up): try again later rather than stop the service.
                logger.LogWarning(ex, "Calendar adoption waits {Delay} for the database", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
        if (adopted > 0) logger.LogInformation("Recomputed the due dates of {Count} open requests for holiday schedule {Version}", adopted, calendar.Version);
    }

    private async Task<List<Guid>> NextPageAsync(Guid? after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisclosureDbContext>();
        var query = db.Requests.AsNoTracking().Where(r => Open.Contains(r.Status) && r.CalendarVersion != calendar.Version);
        if (after is { } last) query = query.Where(r => r.Id.CompareTo(last) > 0);
        return await query.OrderBy(r => r.Id).Select(r => r.Id).Take(PageSize).ToListAsync(cancellationToken);
    }
}
