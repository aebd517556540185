using System.Diagnostics;
using Npgsql;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>How far reporting has got with one source's cases. Every accepted command bumps one case's version by one
/// (create is version 1), so reporting has applied everything exactly when the sum of the source's projected versions
/// equals its cases table's. Only that source's projections count: another service's cases, loaded at the same time,
/// are neither ahead nor behind this one's.</summary>
/// <param name="sourceTotals">
/// The count and version sum of every aggregate the source publishes, for services whose aggregates are not one
/// `cases` table (enforcement: reviews, campaigns and departments).
/// </param>
public sealed class ProjectionProgress(
    NpgsqlDataSource cases, NpgsqlDataSource reporting, string source = "reconsideration",
    string sourceTotals = "SELECT count(*), coalesce(sum(version), 0)::bigint FROM cases")
{
    public readonly record struct Totals(long Cases, long Versions);

    public Task<Totals> SourceAsync(CancellationToken cancellationToken) =>
        TotalsAsync(cases, sourceTotals, cancellationToken);

    public Task<Totals> ProjectedAsync(CancellationToken cancellationToken) =>
        TotalsAsync(reporting, $"SELECT count(*), coalesce(sum(version), 0)::bigint FROM projected_cases WHERE source = '{source}'", cancellationToken);

    public async Task<long> PendingOutboxAsync(CancellationToken cancellationToken)
    {
        await using var command = cases.CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Polls until reporting holds exactly <paramref name="target"/>; fails when it stops moving for
    /// <paramref name="stall"/> (a consumer stuck on an error, messages in an _error queue). Each poll scans
    /// projected_cases, which costs PostgreSQL real time at a million rows, so while the end is far off the polls
    /// are spaced out (up to half the estimated remaining time, at most 10 s) and only come every
    /// <paramref name="poll"/> near the end.
    /// </summary>
    public async Task WaitForAsync(Totals target, TimeSpan poll, TimeSpan stall, Action<Totals>? progress, CancellationToken cancellationToken)
    {
        var last = new Totals(-1, -1);
        var lastMove = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        var lastPoll = Stopwatch.StartNew();
        while (true)
        {
            var now = await ProjectedAsync(cancellationToken);
            if (now == target) return;
            var delay = poll;
            if (now != last)
            {
                if (last.Versions >= 0 && now.Versions > last.Versions)
                {
                    var perSecond = (now.Versions - last.Versions) / lastPoll.Elapsed.TotalSeconds;
                    var remaining = TimeSpan.FromSeconds((target.Versions - now.Versions) / perSecond);
                    delay = TimeSpan.FromTicks(Math.Clamp(remaining.Ticks / 2, poll.Ticks, TimeSpan.FromSeconds(10).Ticks));
                }
                last = now;
                lastMove.Restart();
            }
            else if (lastMove.Elapsed > stall)
            {
                throw new TimeoutException(
                    $"reporting stopped at {now.Cases:N0} cases / {now.Versions:N0} versions of {target.Cases:N0} / {target.Versions:N0} "
                    + $"for {stall.TotalSeconds:0} s (see the reporting log and its _error queue)");
            }
            if (progress is not null && lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                progress(now);
                lastReport.Restart();
            }
            lastPoll.Restart();
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static async Task<Totals> TotalsAsync(NpgsqlDataSource source, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Totals(reader.GetInt64(0), reader.GetInt64(1));
    }
}
