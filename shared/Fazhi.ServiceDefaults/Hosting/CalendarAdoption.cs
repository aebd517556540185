using System.Linq.Expressions;
using Fazhi.Calendar;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>An aggregate whose statutory dates come from the working-day calendar.</summary>
public interface IFollowsCalendar
{
    /// <summary>The version of the holiday schedule its dates were computed with.</summary>
    string CalendarVersion { get; }

    /// <summary>Recomputes its dates with <paramref name="calendar"/>, loaded on <paramref name="today"/>; false when nothing needed it.</summary>
    bool AdoptCalendar(WorkingDayCalendar calendar, DateOnly today);
}

/// <summary>Which aggregates are still open, so a new holiday schedule can still move their dates.</summary>
public sealed record OpenAggregates<TAggregate>(Expression<Func<TAggregate, bool>> Predicate);

/// <summary>
/// When a service starts with a holiday schedule its open cases were not computed with (a new year's notice loaded
/// through Calendar:Path, or shipped in a release), recomputes them and saves them through the group commit, so each
/// gets an audit entry ("AdoptCalendar") and a new state event for reporting. While the database is unreachable it
/// waits and tries again rather than stop the service.
/// </summary>
public sealed class CalendarAdoption<TContext, TAggregate>(
    IServiceScopeFactory scopes,
    GroupCommitWriter<TContext, TAggregate> writer,
    WorkingDayCalendar calendar,
    BusinessClock clock,
    OpenAggregates<TAggregate> open,
    ILogger<CalendarAdoption<TContext, TAggregate>> logger) : BackgroundService
    where TContext : DbContext
    where TAggregate : class, IAuditedAggregate, IFollowsCalendar
{
    private const int PageSize = 500;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

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
                    writer.ChangeAsync(id, origin, a => a.AdoptCalendar(calendar, today), a => a.CalendarVersion == calendar.Version, stoppingToken)));
                adopted += changed.Count(c => c);
                after = ids[^1];
            }
            catch (Exception ex) when (ErrorStatus.TransientReason(ex) is not null && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Calendar adoption waits {Delay} for the database", RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
        if (adopted > 0) logger.LogInformation("Recomputed {Count} open {Type} for holiday schedule {Version}", adopted, typeof(TAggregate).Name, calendar.Version);
    }

    private async Task<List<Guid>> NextPageAsync(Guid? after, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var version = calendar.Version;
        var query = db.Set<TAggregate>().AsNoTracking().Where(open.Predicate)
            .Where(a => EF.Property<string>(a, nameof(IFollowsCalendar.CalendarVersion)) != version);
        if (after is { } last) query = query.Where(a => EF.Property<Guid>(a, "Id").CompareTo(last) > 0);
        return await query.OrderBy(a => EF.Property<Guid>(a, "Id")).Select(a => EF.Property<Guid>(a, "Id")).Take(PageSize).ToListAsync(cancellationToken);
    }
}

public static class CalendarAdoptionExtensions
{
    /// <summary>Recomputes the open aggregates (<paramref name="isOpen"/>) at start-up when the holiday schedule changed.</summary>
    public static IServiceCollection AddCalendarAdoption<TContext, TAggregate>(this IServiceCollection services, Expression<Func<TAggregate, bool>> isOpen)
        where TContext : DbContext
        where TAggregate : class, IAuditedAggregate, IFollowsCalendar
    {
        services.AddSingleton(new OpenAggregates<TAggregate>(isOpen));
        return services.AddHostedService<CalendarAdoption<TContext, TAggregate>>();
    }
}
