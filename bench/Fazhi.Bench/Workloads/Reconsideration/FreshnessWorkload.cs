using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// Figure 2 of issue 4: time from a decision's API answer to the YTD route showing it, while a background load
/// paced by a token bucket runs at 200 commands/s and at the intake goal.
/// </summary>
public sealed class FreshnessWorkload : IWorkload
{
    public const double GoalP99Ms = 500;
    private static readonly double[] Levels = [200, IntakeWorkload.GoalPerSecond];

    public string Name => "freshness";

    private sealed record Run(double P50, double P99, int Missing, double BackgroundRate, long BackgroundErrors);

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var commands = new CaseCommands(context.Grpc(BenchSystem.ReconsiderationSpec), context.AdminToken);
        // The prober's own connection: its polls must not queue behind anything else.
        using var probeHttp = context.NewHttpClient(BenchSystem.ReportingSpec);
        var probe = new FreshnessProbe(commands, new YtdReader(probeHttp));
        var progress = new ProjectionProgress(
            context.Database(BenchDatabases.Reconsideration), context.Database(BenchDatabases.Reporting));

        await WarmUp.EnsureAsync(context, commands, progress, cancellationToken);
        var figures = new List<Figure>();
        foreach (var level in Levels)
        {
            var runs = new List<Run>();
            for (var i = 1; i <= context.Options.Runs; i++)
            {
                var run = await RunOnceAsync(context, commands, probe, level, seed: 50_000 + i * 1000, cancellationToken);
                // Each run starts with nothing left over from the last one.
                await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(100),
                    TimeSpan.FromSeconds(60), null, cancellationToken);
                Console.WriteLine($"[freshness] {level:N0}/s run {i}/{context.Options.Runs}: p50 {Ms(run.P50)}, p99 {Ms(run.P99)}, "
                    + $"{run.Missing} not shown within 10 s; background {run.BackgroundRate:N0} commands/s, {run.BackgroundErrors} errors");
                runs.Add(run);
            }

            var p50 = Latencies.Median(runs.Select(r => r.P50));
            var p99 = Latencies.Median(runs.Select(r => r.P99));
            var missing = runs.Sum(r => r.Missing);
            var achieved = Latencies.Median(runs.Select(r => r.BackgroundRate));
            var errors = runs.Sum(r => r.BackgroundErrors);
            if (errors > 0) context.Notes.Add($"freshness at {level:N0}/s: {errors} background command errors");
            // A background that cannot reach its rate measures freshness at a lower load than the row says.
            var reached = achieved >= level * 0.95;
            if (!reached) context.Notes.Add($"freshness at {level:N0}/s: the background load only reached {achieved:N0} commands/s");

            figures.Add(new(
                $"Freshness at {level:N0} commands/s",
                $"p50 {Ms(p50)}, p99 {Ms(p99)}" + (missing > 0 ? $"; {missing} decisions not shown within 10 s" : "")
                    + $"; background reached {achieved:N0} commands/s",
                $"p99 ≤ {GoalP99Ms:N0} ms",
                Figure.Check(p99 <= GoalP99Ms && missing == 0 && reached),
                $"{context.Options.FreshnessProbes} probes per run, median of {RunsText(runs.Count)}: each probe logs and accepts a case in org {FreshnessProbe.Org}, "
                + "decides it, and polls GET …/410199/years/2025:ytd (HTTP JSON, own keep-alive connection) every ~1 ms until `decided` grows; "
                + $"lag = decide answer → first YTD answer showing it. Background: {context.Options.Clients} gRPC clients running case lifecycles "
                + $"over 410101–410120, paced together by a token bucket to {level:N0} commands/s"));
        }
        return figures;
    }

    private static async Task<Run> RunOnceAsync(
        BenchContext context, CaseCommands commands, FreshnessProbe probe, double level, int seed, CancellationToken cancellationToken)
    {
        using var stopBackground = new CancellationTokenSource();
        var background = LifecycleLoad.RunAsync(commands, context.Options.Clients, CaseScript.Districts, new TokenBucket(level), seed,
            stopBackground.Token, cancellationToken);
        var lags = new Latencies();
        var missing = 0;
        try
        {
            // Let the background reach its pace before the first probe.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            for (var i = 0; i < context.Options.FreshnessProbes; i++)
            {
                if (await probe.SampleAsync(cancellationToken) is { } lag) lags.AddElapsed(lag);
                else missing++;
            }
        }
        finally
        {
            await stopBackground.CancelAsync();
        }
        var load = await background;
        var sorted = Latencies.SortedMilliseconds([lags]);
        return new Run(Latencies.Percentile(sorted, 50), Latencies.Percentile(sorted, 99), missing, load.PerSecond, load.Failed);
    }
}
