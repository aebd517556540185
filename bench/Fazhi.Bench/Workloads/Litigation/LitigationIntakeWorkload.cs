using System.Diagnostics;
using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads.Reconsideration;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Litigation;

/// <summary>
/// Litigation's intake through its public gRPC API, alone and then together with reconsideration's: the intake goal
/// (commands per second, reporting keeping up with both sources) must hold with both services loaded at once.
/// </summary>
public sealed class LitigationIntakeWorkload : IWorkload
{
    /// <summary>
    /// With both services loaded, reconsideration keeps the intake's clients and litigation gets this share of them on
    /// top. Splitting the same clients between two services halves each one's concurrency, and with it the commands
    /// its group commit saves per transaction and its relay packs per message: measured here with other processes
    /// taking 0.5–0.8 cores, 96 clients split 72 + 24 gave 1,233 commands/s (our processes 1.17 ms of CPU per command),
    /// 96 + 48 gave 1,545/s (0.92 ms), 144 + 48 gave 1,648/s (0.75 ms), against 0.62 ms for reconsideration alone.
    /// </summary>
    public const double LitigationShare = 0.5;

    public string Name => "litigation";
    public IReadOnlyList<string> Aliases => ["both"];

    private sealed record Part(LoadResult Load, TimeSpan CatchUp);

    private sealed record Run(Part Alone, Part Reconsideration, Part Litigation, TimeSpan BothElapsed, TimeSpan BothCatchUp, CpuUsage Cpu)
    {
        public double BothPerSecond => (Reconsideration.Load.Succeeded + Litigation.Load.Succeeded) / BothElapsed.TotalSeconds;
        public long BothFailed => Reconsideration.Load.Failed + Litigation.Load.Failed;
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var reporting = context.Database(BenchDatabases.Reporting);
        var reconsideration = new CaseCommands(context.Grpc(BenchSystem.ReconsiderationSpec), context.AdminToken);
        var reconsiderationProgress = new ProjectionProgress(context.Database(BenchDatabases.Reconsideration), reporting);
        var lawsuits = LawsuitLifecycle.Factory(context.Grpc(BenchSystem.LitigationSpec), context.AdminToken, CaseScript.Districts);
        var litigationProgress = new ProjectionProgress(context.Database(BenchDatabases.Litigation), reporting, "litigation");

        await WarmUp.EnsureAsync(context, reconsideration, reconsiderationProgress, cancellationToken);
        await WarmUpLitigationAsync(context, lawsuits, litigationProgress, cancellationToken);

        var reconsiderationClients = options.Clients;
        var litigationClients = Math.Max(1, (int)Math.Round(options.Clients * LitigationShare));
        var runs = new List<Run>();
        for (var i = 1; i <= options.Runs; i++)
        {
            // Litigation alone, every client on it.
            var alone = await MeasureAsync(options.IntakeDuration, litigationProgress,
                stop => LifecycleLoad.RunAsync(lawsuits, options.Clients, pacer: null, seed: i * 2000, stop, cancellationToken), cancellationToken);
            Console.WriteLine($"[litigation] run {i}/{options.Runs} alone: {alone.Load.PerSecond:N0} commands/s, {alone.Load.ErrorSummary()}, caught up {alone.CatchUp.TotalSeconds:0.0} s after");

            // Both services at once, sharing the clients; reporting must catch up with both sources.
            var cpu = context.NewCpuMeter();
            using var stop = new CancellationTokenSource(options.IntakeDuration);
            cpu.Start();
            var started = Stopwatch.GetTimestamp();
            var recLoad = LifecycleLoad.RunAsync(reconsideration, reconsiderationClients, CaseScript.Districts, pacer: null, i * 3000, stop.Token, cancellationToken);
            var litLoad = LifecycleLoad.RunAsync(lawsuits, litigationClients, pacer: null, i * 4000, stop.Token, cancellationToken);
            await Task.WhenAll(recLoad, litLoad);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var usage = cpu.Stop();
            var ended = Stopwatch.GetTimestamp();
            var recCaughtUp = CatchUpAsync(reconsiderationProgress, ended, cancellationToken);
            var litCaughtUp = CatchUpAsync(litigationProgress, ended, cancellationToken);
            var run = new Run(alone, new Part(await recLoad, await recCaughtUp), new Part(await litLoad, await litCaughtUp), elapsed,
                Stopwatch.GetElapsedTime(ended), usage);
            Console.WriteLine($"[litigation] run {i}/{options.Runs} both: {run.BothPerSecond:N0} commands/s "
                + $"(reconsideration {run.Reconsideration.Load.PerSecond:N0}, litigation {run.Litigation.Load.PerSecond:N0}), {run.BothFailed} errors, "
                + $"caught up {run.Reconsideration.CatchUp.TotalSeconds:0.0} / {run.Litigation.CatchUp.TotalSeconds:0.0} s after; CPU {run.Cpu}");
            runs.Add(run);
        }
        return Figures(context, runs, reconsiderationClients, litigationClients);
    }

    private static List<Figure> Figures(BenchContext context, List<Run> runs, int reconsiderationClients, int litigationClients)
    {
        var options = context.Options;
        var aloneRate = Latencies.Median(runs.Select(r => r.Alone.Load.PerSecond));
        var aloneLatencies = runs[^1].Alone.Load.SortedLatencyMs();
        var aloneErrors = runs.Sum(r => r.Alone.Load.Failed);
        var aloneCatchUp = Latencies.Median(runs.Select(r => r.Alone.CatchUp.TotalSeconds));
        var bothRate = Latencies.Median(runs.Select(r => r.BothPerSecond));
        var bothErrors = runs.Sum(r => r.BothFailed);
        var bothCatchUp = Latencies.Median(runs.Select(r => Math.Max(r.Reconsideration.CatchUp.TotalSeconds, r.Litigation.CatchUp.TotalSeconds)));
        foreach (var run in runs.Where(r => r.Alone.Load.Failed + r.BothFailed > 0))
            context.Notes.Add($"litigation errors: alone {run.Alone.Load.ErrorSummary()}; both: reconsideration {run.Reconsideration.Load.ErrorSummary()}, litigation {run.Litigation.Load.ErrorSummary()}");

        var litigation = context.System.Service(BenchSystem.LitigationSpec);
        var peak = ProcStats.PeakRssMb(litigation.Pid) ?? double.NaN;
        return
        [
            new("Litigation intake",
                $"{aloneRate:N0} commands/s; p50 {Ms(Latencies.Percentile(aloneLatencies, 50))}, p99 {Ms(Latencies.Percentile(aloneLatencies, 99))} (last run); "
                + $"{aloneErrors} errors; reporting caught up {aloneCatchUp:0.0} s after",
                "—", Verdict.Info,
                $"{options.Clients} gRPC clients, {options.IntakeDuration.TotalSeconds:0} s per run, median of {RunsText(runs.Count)} "
                + $"({string.Join(" / ", runs.Select(r => $"{r.Alone.Load.PerSecond:N0}"))}); each client logs lawsuits: create → notice "
                + $"({LawsuitLifecycle.NoticeShare * 100:0}% of lawsuits) → appearance → judgment; mix {runs[^1].Alone.Load.Mix()}. "
                + "Caught up: load end until sum(projected_cases.version) of source litigation = sum(cases.version) in litigation"),
            new("Intake, both services loaded",
                $"{bothRate:N0} commands/s ({string.Join(" / ", runs.Select(r => $"{r.Reconsideration.Load.PerSecond:N0} + {r.Litigation.Load.PerSecond:N0}"))} "
                + $"reconsideration + litigation); {bothErrors} errors; reporting caught up with both {bothCatchUp:0.0} s after; CPU {CpuUsage.Median([.. runs.Select(r => r.Cpu)])} cores",
                $"≥ {IntakeWorkload.GoalPerSecond:N0} commands/s, 0 errors, caught up ≤ {IntakeWorkload.CatchUpGoal.TotalSeconds:0} s after",
                Figure.Check(bothRate >= IntakeWorkload.GoalPerSecond && bothErrors == 0 && bothCatchUp <= IntakeWorkload.CatchUpGoal.TotalSeconds),
                $"{reconsiderationClients} reconsideration clients (create → accept → hear → decide) and {litigationClients} litigation clients "
                + $"(as above) at once for {options.IntakeDuration.TotalSeconds:0} s, median of {RunsText(runs.Count)}; caught up: the later of the two sources"),
            new("Memory: litigation under load", $"{peak:N0} MB peak RSS ({litigation.ReadyRssMb:N0} MB when it first answered ready)",
                $"≤ {IntakeWorkload.RssGoalMb:N0} MB", Figure.Check(peak <= IntakeWorkload.RssGoalMb),
                "VmHWM of the litigation process after its intake runs, alone and beside reconsideration"),
        ];
    }

    private static async Task<Part> MeasureAsync(
        TimeSpan duration, ProjectionProgress progress, Func<CancellationToken, Task<LoadResult>> load, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource(duration);
        var result = await load(stop.Token);
        return new Part(result, await CatchUpAsync(progress, Stopwatch.GetTimestamp(), cancellationToken));
    }

    private static async Task<TimeSpan> CatchUpAsync(ProjectionProgress progress, long loadEnded, CancellationToken cancellationToken)
    {
        var target = await progress.SourceAsync(cancellationToken);
        await progress.WaitForAsync(target, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60), null, cancellationToken);
        return Stopwatch.GetElapsedTime(loadEnded);
    }

    private static async Task WarmUpLitigationAsync(
        BenchContext context, Func<Random, LifecycleLoad.ILifecycle> lawsuits, ProjectionProgress progress, CancellationToken cancellationToken)
    {
        if (!context.FirstTime("litigation warm-up")) return;
        var duration = context.Options.WarmUp / 2;
        Console.WriteLine($"[warm-up] {duration.TotalSeconds:0} s of litigation load, not measured");
        using var stop = new CancellationTokenSource(duration);
        var load = await LifecycleLoad.RunAsync(lawsuits, context.Options.Clients, pacer: null, seed: 7, stop.Token, cancellationToken);
        Console.WriteLine($"[warm-up] litigation {load.PerSecond:N0} commands/s, {load.ErrorSummary()}");
        await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), null, cancellationToken);
        await using var analyze = context.Database(BenchDatabases.Litigation).CreateCommand("ANALYZE");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
