using System.Diagnostics;
using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// Figures 1 and 5 of issue 4: commands per second through the public gRPC API with the reporting service keeping
/// up, and each service's peak memory under that load. Also where the CPU went, to tell which process is the limit.
/// </summary>
public sealed class IntakeWorkload : IWorkload
{
    public const double GoalPerSecond = 2000;
    /// <summary>Reporting "keeps up" when it has applied everything this soon after the load stops.</summary>
    public static readonly TimeSpan CatchUpGoal = TimeSpan.FromSeconds(5);
    public const double RssGoalMb = 200;

    public string Name => "intake";
    public IReadOnlyList<string> Aliases => ["memory"];

    private sealed record Run(LoadResult Load, double P50, double P99, TimeSpan CatchUp, long MaxBacklog, long VersionsWritten, CpuUsage Cpu);

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var commands = new CaseCommands(context.Grpc(BenchSystem.ReconsiderationSpec), context.AdminToken);
        var progress = new ProjectionProgress(
            context.Database(BenchDatabases.Reconsideration), context.Database(BenchDatabases.Reporting));

        await WarmUp.EnsureAsync(context, commands, progress, cancellationToken);
        var runs = new List<Run>();
        for (var i = 1; i <= options.Runs; i++)
        {
            var run = await RunOnceAsync(context, commands, progress, seed: i * 1000, cancellationToken);
            Console.WriteLine($"[intake] run {i}/{options.Runs}: {run.Load.PerSecond:N0} commands/s, p50 {run.P50:0.0} ms, p99 {run.P99:0.0} ms, "
                + $"{run.Load.ErrorSummary()}, caught up {run.CatchUp.TotalSeconds:0.0} s after, outbox backlog max {run.MaxBacklog:N0}; CPU {run.Cpu}");
            runs.Add(run);
        }

        var rate = Latencies.Median(runs.Select(r => r.Load.PerSecond));
        var p50 = Latencies.Median(runs.Select(r => r.P50));
        var p99 = Latencies.Median(runs.Select(r => r.P99));
        var errors = runs.Sum(r => r.Load.Failed);
        var catchUp = TimeSpan.FromSeconds(Latencies.Median(runs.Select(r => r.CatchUp.TotalSeconds)));
        var backlog = Latencies.Median(runs.Select(r => (double)r.MaxBacklog));
        var counted = runs.All(r => r.VersionsWritten == r.Load.Succeeded);
        if (!counted)
            context.Notes.Add("intake: the cases table gained a different number of versions than commands succeeded "
                + $"({string.Join(", ", runs.Select(r => $"{r.VersionsWritten:N0} vs {r.Load.Succeeded:N0}"))}); a failed call may have committed.");
        if (errors > 0) context.Notes.Add($"intake errors: {string.Join("; ", runs.Where(r => r.Load.Failed > 0).Select(r => r.Load.ErrorSummary()))}");

        var method = $"{options.Clients} gRPC clients over one h2c channel, {options.IntakeDuration.TotalSeconds:0} s per run after a {options.WarmUp.TotalSeconds:0} s warm-up and ANALYZE, "
            + $"median of {RunsText(runs.Count)} ({string.Join(" / ", runs.Select(r => $"{r.Load.PerSecond:N0}"))} commands/s). "
            + $"Each client takes cases through create → accept → hear ({CaseScript.HearingShare * 100:0}% of cases) → decide, "
            + $"orgs 410101–410120, dates in 2025; mix {runs[^1].Load.Mix()}. Latency: each command's API answer. "
            + "Caught up: load end until sum(projected_cases.version) in reporting = sum(cases.version); "
            + "backlog: unsent outbox rows, sampled every second (median of the runs' maxima)";
        var figures = new List<Figure>
        {
            new("Intake",
                $"{rate:N0} commands/s; p50 {Ms(p50)}, p99 {Ms(p99)}; {errors} errors; reporting caught up {catchUp.TotalSeconds:0.0} s after the load; outbox backlog max {backlog:N0}",
                $"≥ {GoalPerSecond:N0} commands/s, 0 errors, reporting caught up ≤ {CatchUpGoal.TotalSeconds:0} s after",
                Figure.Check(rate >= GoalPerSecond && errors == 0 && catchUp <= CatchUpGoal && counted),
                method),
        };

        foreach (var service in context.System.Services)
        {
            var peak = ProcStats.PeakRssMb(service.Pid) ?? double.NaN;
            figures.Add(new($"Memory: {service.Name.ToLowerInvariant()}", $"{peak:N0} MB peak RSS ({service.ReadyRssMb:N0} MB when it first answered ready)",
                $"≤ {RssGoalMb:N0} MB", Figure.Check(peak <= RssGoalMb),
                "VmHWM of the service process (/proc/<pid>/status) after the intake runs: its peak since it started, i.e. start-up and the intake load"));
        }

        var cpu = CpuUsage.Median([.. runs.Select(r => r.Cpu)]);
        figures.Add(new("CPU during intake", $"{cpu} cores; {cpu.PerUnit(rate, "command")}", "—", Verdict.Info,
            "utime+stime from /proc/<pid>/stat over each intake run, in cores (1.00 = one core busy), median of the runs; "
            + "postgres = every postgres process, rabbitmq = beam.smp, irq = the kernel's interrupt and softirq time (loopback TCP), "
            + "steal = taken by the hypervisor, other = busy time no group accounts for (other processes, kernel threads)"));
        return figures;
    }

    private static async Task<Run> RunOnceAsync(
        BenchContext context, CaseCommands commands, ProjectionProgress progress, int seed, CancellationToken cancellationToken)
    {
        var before = await progress.SourceAsync(cancellationToken);
        var cpu = context.NewCpuMeter();
        LoadResult load;
        long maxBacklog;
        await using (var backlog = new PeriodicSampler(TimeSpan.FromSeconds(1), progress.PendingOutboxAsync))
        {
            using var stop = new CancellationTokenSource(context.Options.IntakeDuration);
            cpu.Start();
            load = await LifecycleLoad.RunAsync(commands, context.Options.Clients, CaseScript.Districts, pacer: null, seed, stop.Token, cancellationToken);
            maxBacklog = backlog.Max;
        }
        var usage = cpu.Stop();
        var loadEnded = Stopwatch.GetTimestamp();

        var after = await progress.SourceAsync(cancellationToken);
        await progress.WaitForAsync(after, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60),
            now => Console.WriteLine($"[intake] reporting catching up: {now.Versions:N0} of {after.Versions:N0} versions"), cancellationToken);
        var catchUp = Stopwatch.GetElapsedTime(loadEnded);

        var latencies = load.SortedLatencyMs();
        return new Run(load, Latencies.Percentile(latencies, 50), Latencies.Percentile(latencies, 99), catchUp, maxBacklog,
            after.Versions - before.Versions, usage);
    }
}
