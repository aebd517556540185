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
/// </summary>
public sealed class YearToDateWatch(YearToDateReports reports, FiguresChanged changes, DashboardOptions options, TimeProvider time)
{
    public async IAsyncEnumerable<YearToDateReport> WatchAsync(string org, int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribed before the first snapshot is read, so a commit between the two is not missed.
        using var subscription = changes.Subscribe(org, year);
        var last = await reports.BuildAsync(org, year, null, cancellationToken);
        yield return last;
        while (true)
        {
            await Task.Delay(options.CoalesceInterval, time, cancellationToken);
            using (var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                recheck.CancelAfter(options.RecheckInterval);
                try
                {
                    await subscription.WaitAsync(recheck.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The recheck interval passed without a change: recompute all the same (see above).
                }
            }
            var next = await reports.BuildAsync(org, year, null, cancellationToken);
            if (next.Equals(last)) continue;
            last = next;
            yield return next;
        }
    }
}
