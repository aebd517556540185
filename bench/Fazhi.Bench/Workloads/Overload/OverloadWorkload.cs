using System.Diagnostics;
using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads.Reconsideration;
using Grpc.Net.Client;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.Overload;

/// <summary>
/// Issue 16, item 7: reconsideration driven well past its capacity. First its capacity, closed-loop (`--clients`
/// clients creating cases one after another), then an open-loop arrival rate `--overload-factor` times that for
/// `--duration` seconds, refused creates never retried. The admission limit (Admission__MaxConcurrentRequests, 256 calls
/// by default) and the group commit's bounded queue (GroupCommit__QueueCapacity, 200 per writer by default; the bench
/// sets neither) must keep memory and the wait of accepted creates bounded and refuse the rest at once with RESOURCE_EXHAUSTED and a retry hint; afterwards the ledger must find every
/// acknowledged create saved, no refused one saved, and reporting counting exactly the saved ones. Only run when
/// asked (`--only overload`): it is a correctness check under stress, not a throughput figure.
/// </summary>
public sealed class OverloadWorkload : IWorkload
{
    /// <summary>256 admitted calls at ~1,000–2,000 creates/s are a quarter of a second or less of wait; the rest is room for a busy machine.</summary>
    public const double AcceptedP99GoalMs = 1000;
    /// <summary>Memory is bounded when the second half of the overload peaks no higher than the first half plus this.</summary>
    public const double GrowthAllowanceMb = 10;

    public string Name => "overload";
    public bool OnlyWhenAsked => true;

    private sealed record Phase(CreateOutcomes Log, TimeSpan Elapsed, double PeakRssMb, CpuUsage Cpu)
    {
        public double PerSecond(long count) => count / Elapsed.TotalSeconds;
        public double[] Accepted => Latencies.SortedMilliseconds([Log.AcceptedLatencies]);
        public double[] Refused => Latencies.SortedMilliseconds([Log.RefusedLatencies]);
    }

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var service = context.System.Service(BenchSystem.ReconsiderationSpec);
        var commands = new CaseCommands(context.Grpc(BenchSystem.ReconsiderationSpec), context.AdminToken);
        var progress = new ProjectionProgress(context.Database(BenchDatabases.Reconsideration), context.Database(BenchDatabases.Reporting));
        await WarmUp.EnsureAsync(context, commands, progress, cancellationToken);

        // A channel of its own: thousands of calls in flight open as many HTTP/2 connections as they need (100 streams each).
        using var channel = GrpcChannel.ForAddress(service.GrpcBase, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            DisposeHttpClient = true,
        });
        var creates = new OverloadCreates(channel, context.AdminToken);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        Console.WriteLine($"[overload] load average before: {string.Join(" ", load)}");

        var capacityDuration = TimeSpan.FromSeconds(Math.Min(30, options.IntakeDuration.TotalSeconds));
        var atCapacity = await MeasureAsync(context, service, capacityDuration,
            log => creates.ClosedLoopAsync(log, options.Clients, capacityDuration, seed: 900_000, cancellationToken), window: null);
        var capacity = atCapacity.PerSecond(atCapacity.Log.Acknowledged.Count);
        Print("at capacity", atCapacity, capacityDuration);
        await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), null, cancellationToken);

        var rate = capacity * options.OverloadFactor;
        var rssBefore = ProcStats.RssMb(service.Pid) ?? double.NaN;
        Console.WriteLine($"[overload] {options.IntakeDuration.TotalSeconds:0} s of arrivals at {rate:N0}/s ({options.OverloadFactor}× capacity), open loop, "
            + $"refusals not retried; reconsideration RSS {rssBefore:0} MB");
        var halves = (First: double.NaN, Second: double.NaN);
        var overload = await MeasureAsync(context, service, options.IntakeDuration,
            log => creates.OpenLoopAsync(log, rate, options.IntakeDuration, options.OverloadInFlight, seed: 950_000, cancellationToken),
            window: (log, rss) =>
            {
                var seconds = (int)options.IntakeDuration.TotalSeconds;
                for (var from = 0; from < seconds; from += 10)
                {
                    var to = Math.Min(seconds, from + 10);
                    var (attempts, accepted, refused) = log.Window(from, to);
                    Console.WriteLine($"[overload]   {from,3}–{to,3} s: {attempts / (double)(to - from),6:N0} attempts/s, {accepted / (double)(to - from),6:N0} accepted/s, "
                        + $"{refused / (double)(to - from),6:N0} refused/s, RSS peak {rss.PeakMbBetween(from, to):0} MB");
                }
                halves = (rss.PeakMbBetween(0, seconds / 2.0), rss.PeakMbBetween(seconds / 2.0, seconds));
            });
        var loadEnded = Stopwatch.GetTimestamp();
        Print("overload", overload, options.IntakeDuration);

        var ledger = await CreateLedger.CheckAsync(context.Database(BenchDatabases.Reconsideration), new YtdReader(context.Http(BenchSystem.ReportingSpec)),
            [atCapacity.Log, overload.Log], loadEnded, cancellationToken);
        var rssAfter = ProcStats.RssMb(service.Pid) ?? double.NaN;
        Console.WriteLine($"[overload] reconsideration RSS before {rssBefore:0} MB, peak during {overload.PeakRssMb:0} MB "
            + $"(first half {halves.First:0}, second half {halves.Second:0}), after {rssAfter:0} MB; at capacity peak {atCapacity.PeakRssMb:0} MB");
        Console.WriteLine($"[overload] ledger {(ledger.Pass ? "PASS" : "FAIL")}: {ledger}");

        if (service.HasExited) Console.WriteLine($"[overload] reconsideration EXITED during the run; see {service.LogPath}");
        return Figures(options, load, capacity, atCapacity, overload, rssBefore, halves, rssAfter, ledger, service.HasExited);
    }

    private static async Task<Phase> MeasureAsync(
        BenchContext context, ServiceProcess service, TimeSpan duration, Func<CreateOutcomes, Task<TimeSpan>> run, Action<CreateOutcomes, RssSampler>? window)
    {
        var log = new CreateOutcomes(duration);
        await using var rss = new RssSampler(service.Pid);
        var cpu = context.NewCpuMeter();
        cpu.Start();
        var elapsed = await run(log);
        var usage = cpu.Stop();
        window?.Invoke(log, rss);
        return new Phase(log, elapsed, rss.PeakMb, usage);
    }

    private static void Print(string name, Phase phase, TimeSpan duration)
    {
        var accepted = phase.Accepted;
        var refused = phase.Refused;
        Console.WriteLine($"[overload] {name}: {phase.PerSecond(phase.Log.Attempts):N0} attempts/s, {phase.PerSecond(phase.Log.Acknowledged.Count):N0} accepted/s, "
            + $"{phase.PerSecond(phase.Log.Refused.Count):N0} refused/s, {phase.Log.OtherErrorSummary()}"
            + (phase.Log.PeakInFlight > 0 ? $", at most {phase.Log.PeakInFlight:N0} calls in flight" : "")
            + (phase.Log.NotSent > 0 ? $", {phase.Log.NotSent:N0} arrivals not sent (generator at its limit)" : "")
            + $"; accepted p50 {Ms(Latencies.Percentile(accepted, 50))}, p99 {Ms(Latencies.Percentile(accepted, 99))}, max {Ms(accepted.LastOrDefault(double.NaN))}"
            + (refused.Length > 0 ? $"; refused p50 {Ms(Latencies.Percentile(refused, 50))}, p99 {Ms(Latencies.Percentile(refused, 99))}" : "")
            + $"; sending took {phase.Elapsed.TotalSeconds:0.0} s of {duration.TotalSeconds:0} s; CPU {phase.Cpu}");
    }

    private static string HintText(CreateOutcomes log) => log switch
    {
        { Refused.Count: 0 } => "none refused",
        { RefusedWithoutRetryHint: 0 } => $"each with a {log.RetryHint?.TotalSeconds:0.#} s retry hint",
        _ => $"{log.RefusedWithoutRetryHint:N0} without a retry hint",
    };

    private static List<Figure> Figures(
        BenchOptions options, string[] load, double capacity, Phase atCapacity, Phase overload, double rssBefore,
        (double First, double Second) halves, double rssAfter, CreateLedger.Result ledger, bool exited)
    {
        var log = overload.Log;
        var accepted = overload.Accepted;
        var refused = overload.Refused;
        var normal = atCapacity.Accepted;
        var p99 = Latencies.Percentile(accepted, 99);
        var offered = overload.PerSecond(log.Attempts);
        var method = $"reconsideration only, creates over gRPC in org {OverloadCreates.Org} (each a fresh requestId, dates in 2025), after the shared warm-up. "
            + $"Capacity: {options.Clients} closed-loop clients for {atCapacity.Elapsed.TotalSeconds:0} s. Overload: arrivals at {options.OverloadFactor}× that rate, "
            + $"open loop (a call per arrival, not waiting for earlier answers; at most {options.OverloadInFlight:N0} in flight, one channel with as many HTTP/2 connections as needed), "
            + $"{options.IntakeDuration.TotalSeconds:0} s, refused creates not retried. Service settings: the defaults (Admission__MaxConcurrentRequests 256, GroupCommit__QueueCapacity 200, Writers 1, MaxBatch 64) unless the command line names an override. "
            + $"Load average before: {string.Join(" ", load)}; CPU during the overload: {overload.Cpu}";
        return
        [
            new("Overload: offered vs accepted",
                $"offered {offered:N0} attempts/s ({offered / capacity:0.0}× the {capacity:N0} creates/s measured at capacity): "
                + $"accepted {overload.PerSecond(log.Acknowledged.Count):N0}/s, refused {overload.PerSecond(log.Refused.Count):N0}/s "
                + $"(RESOURCE_EXHAUSTED, {HintText(log)}), "
                + log.OtherErrorSummary() + $"; at most {log.PeakInFlight:N0} calls in flight"
                + (log.NotSent > 0 ? $"; {log.NotSent:N0} arrivals not sent (generator at its limit of {options.OverloadInFlight:N0} in flight)" : ""),
                "refused at once with a retry hint; 0 other errors",
                Figure.Check(log.OtherErrorCount == 0 && log.RefusedWithoutRetryHint == 0 && log.Refused.Count > 0 && log.NotSent == 0),
                method),
            new("Overload: latency of accepted creates",
                $"p50 {Ms(Latencies.Percentile(accepted, 50))}, p99 {Ms(p99)}, max {Ms(accepted.LastOrDefault(double.NaN))} "
                + $"(at capacity p50 {Ms(Latencies.Percentile(normal, 50))}, p99 {Ms(Latencies.Percentile(normal, 99))}, max {Ms(normal.LastOrDefault(double.NaN))}); "
                + $"refusals p50 {Ms(Latencies.Percentile(refused, 50))}, p99 {Ms(Latencies.Percentile(refused, 99))}",
                $"accepted p99 ≤ {AcceptedP99GoalMs:N0} ms",
                Figure.Check(p99 <= AcceptedP99GoalMs),
                "each call from its start to its answer, measured by the load generator on the same 2 cores"),
            new("Overload: reconsideration memory",
                (exited ? "the process EXITED during the run (its log says why); " : "") + $"RSS before {rssBefore:0} MB, peak {overload.PeakRssMb:0} MB (first half {halves.First:0}, second half {halves.Second:0}), "
                + $"after {rssAfter:0} MB; at capacity peak {atCapacity.PeakRssMb:0} MB",
                $"bounded: second half's peak ≤ first half's + {GrowthAllowanceMb:0} MB",
                Figure.Check(!exited && halves.Second <= halves.First + GrowthAllowanceMb),
                "VmRSS of the service process every 250 ms (/proc); after = once reporting caught up"),
            new("Overload: ledger",
                ledger.ToString(),
                "every acknowledged create saved, no refused one, reporting counts exactly them",
                ledger.Pass ? Verdict.Pass : Verdict.Fail,
                $"after the load: SELECT request_id, id FROM cases WHERE org = '{OverloadCreates.Org}' against the client's lists (both phases); "
                + $"GET /v1/reports/{OverloadCreates.Org}/years/2025:ytd?asOf=2025-12-31 polled until {CreateLedger.Metric} reaches the database's count "
                + "(or stops moving for 60 s), then read again 1 s later"),
        ];
    }
}
