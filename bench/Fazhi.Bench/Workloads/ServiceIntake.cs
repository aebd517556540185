using System.Diagnostics;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Workloads.Reconsideration;

namespace Fazhi.Bench.Workloads;

/// <summary>
/// One measured run of a service's loads (one or more, at once) and reporting's catch-up after it: what the
/// enforcement and disclosure workloads share. Caught up: from the end of the load until the source's projected
/// versions in reporting equal the versions of its aggregates.
/// </summary>
public static class ServiceIntake
{
    public sealed record Run(IReadOnlyList<LoadResult> Loads, TimeSpan CatchUp, CpuUsage Cpu);

    public static async Task<Run> MeasureAsync(
        BenchContext context, ProjectionProgress progress, TimeSpan duration, IReadOnlyList<Func<CancellationToken, Task<LoadResult>>> loads,
        CancellationToken cancellationToken)
    {
        var cpu = context.NewCpuMeter();
        using var stop = new CancellationTokenSource(duration);
        cpu.Start();
        var results = await Task.WhenAll(loads.Select(load => load(stop.Token)));
        var usage = cpu.Stop();
        var ended = Stopwatch.GetTimestamp();
        var target = await progress.SourceAsync(cancellationToken);
        await progress.WaitForAsync(target, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60), null, cancellationToken);
        return new Run(results, Stopwatch.GetElapsedTime(ended), usage);
    }

    /// <summary>Unmeasured load first (a third of --warmup, at most 20 s), so the JIT and the pools are warm, then catch-up.</summary>
    public static async Task WarmUpAsync(
        BenchContext context, string name, ProjectionProgress progress, IReadOnlyList<Func<CancellationToken, Task<LoadResult>>> loads,
        CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(Math.Min(20, context.Options.WarmUp.TotalSeconds / 3));
        Console.WriteLine($"[warm-up] {duration.TotalSeconds:0} s of {name} load, not measured");
        using var stop = new CancellationTokenSource(duration);
        var results = await Task.WhenAll(loads.Select(load => load(stop.Token)));
        Console.WriteLine($"[warm-up] {name} {results.Sum(r => r.PerSecond):N0} commands/s, {string.Join("; ", results.Select(r => r.ErrorSummary()))}");
        await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), null, cancellationToken);
    }
}
