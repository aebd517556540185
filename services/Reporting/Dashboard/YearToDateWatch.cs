using System.Runtime.CompilerServices;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Projection;

namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// A year-to-date snapshot that follows the figures: the current one at once, then a new one each time a commit
/// touched that organisation prefix and year and the figures came out different (a commit that changes nothing
/// visible, or an event of an unrelated organisation, sends nothing). After each snapshot the watcher rests for
/// <see cref="DashboardOptions.CoalesceInterval"/>, so a burst of commits becomes one snapshot per interval at most,
/// and the projector never waits for a watcher (<see cref="FiguresChanged"/>). Every
/// <see cref="DashboardOptions.RecheckInterval"/> it recomputes anyway: the as-of date of the current year moves at
/// midnight, and with figures read from the database (Reporting:QueryDatabase) another replica's commits show up.
/// The watch ends when the caller cancels it, or normally when the service stops (clients reconnect elsewhere).
/// </summary>
public sealed class YearToDateWatch(
    YearToDateReports reports, FiguresChanged changes, DashboardOptions options, IHostApplicationLifetime lifetime, TimeProvider time)
{
    public async IAsyncEnumerable<YearToDateReport> WatchAsync(string org, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribed before the first snapshot is read, so a commit between the two is not missed.
        using var subscription = changes.Subscribe(org, year);
        var last = await reports.BuildAsync(org, year, null, cancellationToken);
        yield return last;
        while (await NextChangeAsync(subscription, cancellationToken))
        {
            var next = await reports.BuildAsync(org, year, null, cancellationToken);
            if (next.Equals(last)) continue;
            last = next;
            yield return next;
        }
    }

    /// <summary>Rests, then waits for a wake-up or the recheck interval; false when the service is stopping.</summary>
    private async Task<bool> NextChangeAsync(FiguresChanged.Subscription subscription, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(options.CoalesceInterval, time, wait.Token);
            wait.CancelAfter(options.RecheckInterval);
            await subscription.WaitAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The service is stopping (end the watch), or the recheck interval passed (recompute all the same).
            return !lifetime.ApplicationStopping.IsCancellationRequested;
        }
        return true;
    }
}
