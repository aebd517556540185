using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads.Reconsideration;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Disclosure;

/// <summary>
/// Government information disclosure through its public gRPC API: officers taking requests through their life while
/// <see cref="BatchClients"/> CMS clients post batches of 1,000 publications at the same time; throughput and latency of
/// each, errors, and how soon reporting has every request and every day's tally.
/// </summary>
public sealed class DisclosureIntakeWorkload : IWorkload
{
    /// <summary>A few sites' CMS exports at once: batch publication is a bulk path, not what most clients do.</summary>
    public const int BatchClients = 2;

    /// <summary>Requests, publication days and table-二 figures: every aggregate whose versions reporting projects.</summary>
    public const string SourceTotals =
        "SELECT count(*), coalesce(sum(version), 0)::bigint FROM (SELECT version FROM requests UNION ALL SELECT version FROM publication_days UNION ALL SELECT version FROM statistics) a";

    public string Name => "disclosure";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var channel = context.Grpc(BenchSystem.DisclosureSpec);
        var requests = DisclosureLifecycles.Requests(channel, context.AdminToken, CaseScript.Districts);
        var batches = DisclosureLifecycles.Batches(channel, context.AdminToken, CaseScript.Districts);
        var progress = new ProjectionProgress(context.Database(BenchDatabases.Disclosure), context.Database(BenchDatabases.Reporting), "disclosure", SourceTotals);
        IReadOnlyList<Func<CancellationToken, Task<LoadResult>>> Loads(int seed) =>
        [
            stop => LifecycleLoad.RunAsync(requests, options.Clients, pacer: null, seed, stop, cancellationToken),
            stop => LifecycleLoad.RunAsync(batches, BatchClients, pacer: null, seed + 100_000, stop, cancellationToken),
        ];

        await ServiceIntake.WarmUpAsync(context, "disclosure", progress, Loads(13), cancellationToken);
        var runs = new List<ServiceIntake.Run>();
        for (var i = 1; i <= options.Runs; i++)
        {
            var run = await ServiceIntake.MeasureAsync(context, progress, options.IntakeDuration, Loads(i * 6000), cancellationToken);
            Console.WriteLine($"[disclosure] run {i}/{options.Runs}: requests {run.Loads[0].PerSecond:N0} commands/s, {run.Loads[0].ErrorSummary()}; "
                + $"batches {run.Loads[1].PerSecond:0.0}/s ({run.Loads[1].PerSecond * DisclosureLifecycles.BatchSize:N0} items/s), {run.Loads[1].ErrorSummary()}; "
                + $"caught up {run.CatchUp.TotalSeconds:0.0} s after; CPU {run.Cpu}");
            runs.Add(run);
        }

        foreach (var run in runs.Where(r => r.Loads.Sum(l => l.Failed) > 0))
            context.Notes.Add($"disclosure errors: requests {run.Loads[0].ErrorSummary()}; batches {run.Loads[1].ErrorSummary()}");
        var requestRate = Latencies.Median(runs.Select(r => r.Loads[0].PerSecond));
        var batchRate = Latencies.Median(runs.Select(r => r.Loads[1].PerSecond));
        var requestLatencies = runs[^1].Loads[0].SortedLatencyMs();
        var batchLatencies = runs[^1].Loads[1].SortedLatencyMs();
        var catchUp = Latencies.Median(runs.Select(r => r.CatchUp.TotalSeconds));
        var cpu = CpuUsage.Median([.. runs.Select(r => r.Cpu)]);
        var disclosure = context.System.Service(BenchSystem.DisclosureSpec);
        var method = $"{options.IntakeDuration.TotalSeconds:0} s per run, median of {RunsText(runs.Count)}, both loads at once; caught up: load end until the "
            + "disclosure source's sum(projected_cases.version) = the versions of requests, publication days and table-二 figures";
        return
        [
            new("Disclosure requests",
                $"{requestRate:N0} commands/s; p50 {Ms(Latencies.Percentile(requestLatencies, 50))}, p99 {Ms(Latencies.Percentile(requestLatencies, 99))} (last run); "
                + $"{runs.Sum(r => r.Loads[0].Failed)} errors; reporting caught up {catchUp:0.0} s after; CPU {cpu} cores; peak RSS {ProcStats.PeakRssMb(disclosure.Pid) ?? double.NaN:N0} MB",
                "—", Verdict.Info,
                $"{options.Clients} gRPC clients taking requests through received → 补正 asked and answered ({DisclosureLifecycles.ClarificationShare * 100:0}%) → "
                + $"extended ({DisclosureLifecycles.ExtensionShare * 100:0}%) → concluded, in {CaseScript.Districts.Length} districts; mix {runs[^1].Loads[0].Mix()}; {method}"),
            new("Disclosure batch publication",
                $"{batchRate:0.0} batches/s = {batchRate * DisclosureLifecycles.BatchSize:N0} items/s; p50 {Ms(Latencies.Percentile(batchLatencies, 50))}, "
                + $"p99 {Ms(Latencies.Percentile(batchLatencies, 99))} per batch (last run); {runs.Sum(r => r.Loads[1].Failed)} errors",
                "—", Verdict.Info,
                $"{BatchClients} clients each posting one batch of {DisclosureLifecycles.BatchSize:N0} new publications (one organisation, 5 days) after another "
                + $"(`BatchCreatePublications`, all or nothing, one transaction), beside the request load; {method}"),
        ];
    }
}
