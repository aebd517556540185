using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using static Fazhi.Bench.Output.Formats;

namespace Fazhi.Bench.Workloads.CreateProtocols;

/// <summary>The table rows of <see cref="CreateProtocolsWorkload"/>: one per protocol, then JSON against gRPC.</summary>
public static class CreateProtocolsReport
{
    public static IReadOnlyList<Figure> Figures(BenchContext context, ProtocolVariant json, ProtocolVariant grpc)
    {
        var options = context.Options;
        var jsonRate = Latencies.Median(json.Runs.Select(r => r.Load.PerSecond));
        var grpcRate = Latencies.Median(grpc.Runs.Select(r => r.Load.PerSecond));
        var ratio = grpcRate / jsonRate;
        // Run i's two variants ran back to back: their ratio is the fairest single comparison.
        var pairRatios = json.Runs.Zip(grpc.Runs, (j, g) => g.Load.PerSecond / j.Load.PerSecond).ToList();
        var errors = json.Runs.Concat(grpc.Runs).Sum(r => r.Load.Failed);
        foreach (var variant in new[] { json, grpc })
            if (variant.Runs.Any(r => r.Load.Failed > 0))
                context.Notes.Add($"create over {variant.Name} errors: {string.Join("; ", variant.Runs.Where(r => r.Load.Failed > 0).Select(r => r.Load.ErrorSummary()))}");

        var common = $"{options.Clients} clients each creating reconsideration cases one after another (same bodies: CaseScript, orgs 410101–410120), "
            + $"{options.IntakeDuration.TotalSeconds:0} s per variant and run, the two variants back to back in each run (order alternating), "
            + "reporting caught up before the next; median of " + RunsText(json.Runs.Count) + ". CPU: utime+stime of the process per create";
        return
        [
            Row(json, "POST /v1/reconsideration/cases (JSON transcoding), HttpClient with SocketsHttpHandler, HTTP/1.1 keep-alive, one connection per client, bearer token. " + common),
            Row(grpc, "CreateCase on one h2c channel (more connections past 100 streams), token in metadata. " + common),
            new("Create: JSON vs gRPC",
                $"gRPC / JSON = {ratio:0.00} (runs {string.Join(" / ", pairRatios.Select(r => r.ToString("0.00")))}); JSON {jsonRate:N0} creates/s, gRPC {grpcRate:N0}",
                $"JSON ≥ {CreateProtocolsWorkload.GoalPerSecond:N0} creates/s or gRPC / JSON ≤ {CreateProtocolsWorkload.GoalRatio}, 0 errors",
                Figure.Check((jsonRate >= CreateProtocolsWorkload.GoalPerSecond || ratio <= CreateProtocolsWorkload.GoalRatio) && errors == 0),
                "Ratio of the medians above; per run, the ratio of the two variants measured back to back"),
        ];
    }

    private static Figure Row(ProtocolVariant variant, string method)
    {
        var runs = variant.Runs;
        var rate = Latencies.Median(runs.Select(r => r.Load.PerSecond));
        double Median(Func<ProtocolRun, double> of) => Latencies.Median(runs.Select(of));
        var cpu = CpuUsage.Median([.. runs.Select(r => r.Cpu)]);
        return new($"Create over {variant.Name}",
            $"{rate:N0} creates/s (runs {string.Join(" / ", runs.Select(r => r.Load.PerSecond.ToString("N0")))}); p50 {Ms(Median(r => r.P50))}, p99 {Ms(Median(r => r.P99))}; "
            + $"{runs.Sum(r => r.Load.Failed)} errors; CPU per create: reconsideration {Median(r => r.MsPerCreate("reconsideration")):0.00} ms "
            + $"(runs {string.Join(" / ", runs.Select(r => r.MsPerCreate("reconsideration").ToString("0.00")))}), load generator {Median(r => r.MsPerCreate("bench")):0.00} ms, "
            + $"postgres {Median(r => r.MsPerCreate("postgres")):0.00} ms; {cpu} cores",
            "—", Verdict.Info, method);
    }
}
