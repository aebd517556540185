using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads.Reconsideration;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Enforcement;

/// <summary>
/// Enforcement supervision through its public gRPC API: reviewers logging file reviews with problems and their
/// rectification, and special campaigns with their problems, across twenty districts' departments; throughput, latency,
/// errors, and how soon reporting has every change (the figures and the per-department rows alike).
/// </summary>
public sealed class EnforcementIntakeWorkload : IWorkload
{
    /// <summary>Reviews, campaigns and departments: every aggregate whose versions reporting projects.</summary>
    public const string SourceTotals =
        "SELECT count(*), coalesce(sum(version), 0)::bigint FROM (SELECT version FROM reviews UNION ALL SELECT version FROM campaigns UNION ALL SELECT version FROM departments) a";

    public string Name => "enforcement";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var channel = context.Grpc(BenchSystem.EnforcementSpec);
        var departments = await EnforcementLifecycles.RegisterDepartmentsAsync(channel, context.AdminToken, CaseScript.Districts, cancellationToken);
        var lifecycles = EnforcementLifecycles.Factory(channel, context.AdminToken, departments);
        var progress = new ProjectionProgress(context.Database(BenchDatabases.Enforcement), context.Database(BenchDatabases.Reporting), "enforcement", SourceTotals);
        Func<CancellationToken, Task<LoadResult>> Load(int seed) =>
            stop => LifecycleLoad.RunAsync(lifecycles, options.Clients, pacer: null, seed, stop, cancellationToken);

        await ServiceIntake.WarmUpAsync(context, "enforcement", progress, [Load(11)], cancellationToken);
        var runs = new List<ServiceIntake.Run>();
        for (var i = 1; i <= options.Runs; i++)
        {
            var run = await ServiceIntake.MeasureAsync(context, progress, options.IntakeDuration, [Load(i * 5000)], cancellationToken);
            var load = run.Loads[0];
            Console.WriteLine($"[enforcement] run {i}/{options.Runs}: {load.PerSecond:N0} commands/s, {load.ErrorSummary()}, "
                + $"caught up {run.CatchUp.TotalSeconds:0.0} s after; CPU {run.Cpu}");
            runs.Add(run);
        }

        foreach (var run in runs.Where(r => r.Loads[0].Failed > 0)) context.Notes.Add($"enforcement errors: {run.Loads[0].ErrorSummary()}");
        var rate = Latencies.Median(runs.Select(r => r.Loads[0].PerSecond));
        var latencies = runs[^1].Loads[0].SortedLatencyMs();
        var cpu = CpuUsage.Median([.. runs.Select(r => r.Cpu)]);
        var enforcement = context.System.Service(BenchSystem.EnforcementSpec);
        return
        [
            new("Enforcement intake",
                $"{rate:N0} commands/s; p50 {Ms(Latencies.Percentile(latencies, 50))}, p99 {Ms(Latencies.Percentile(latencies, 99))} (last run); "
                + $"{runs.Sum(r => r.Loads[0].Failed)} errors; reporting caught up {Latencies.Median(runs.Select(r => r.CatchUp.TotalSeconds)):0.0} s after; "
                + $"CPU {cpu} cores; {cpu.PerUnit(rate, "command")}; peak RSS {ProcStats.PeakRssMb(enforcement.Pid) ?? double.NaN:N0} MB",
                "—", Verdict.Info,
                $"{options.Clients} gRPC clients, {options.IntakeDuration.TotalSeconds:0} s per run, median of {RunsText(runs.Count)} "
                + $"({string.Join(" / ", runs.Select(r => $"{r.Loads[0].PerSecond:N0}"))}), {EnforcementLifecycles.DepartmentsPerOrg} departments in each of "
                + $"{CaseScript.Districts.Length} districts; {100 - EnforcementLifecycles.CampaignShare * 100:0}% of lifecycles a file review with 0–3 problems "
                + $"(one request) and ~70% of them rectified, the rest a campaign with {EnforcementLifecycles.CampaignProblems} problems found and "
                + $"{EnforcementLifecycles.CampaignProblems - 1} rectified; mix {runs[^1].Loads[0].Mix()}. Caught up: load end until the enforcement "
                + "source's sum(projected_cases.version) = the versions of reviews, campaigns and departments"),
        ];
    }
}
