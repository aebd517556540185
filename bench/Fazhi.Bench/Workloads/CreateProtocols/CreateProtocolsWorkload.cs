using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads.Reconsideration;

namespace Fazhi.Bench.Workloads.CreateProtocols;

/// <summary>
/// Issue 12, item 4: CreateCase over JSON/HTTP 1.1 (the web page, scripts, most integrators) against gRPC, in one
/// bench run, same clients, same bodies. Each run measures both variants back to back, the order alternating from run
/// to run, and waits for reporting to catch up in between so one variant's backlog is not charged to the other.
/// </summary>
public sealed class CreateProtocolsWorkload : IWorkload
{
    public const double GoalPerSecond = 2000;
    /// <summary>JSON counts as on par when gRPC is at most this many times faster.</summary>
    public const double GoalRatio = 1.3;

    public string Name => "create-json-vs-grpc";
    public IReadOnlyList<string> Aliases => ["create-json"];

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var spec = BenchSystem.ReconsiderationSpec;
        var commands = new CaseCommands(context.Grpc(spec), context.AdminToken);
        using var json = new JsonCreates(context.System.Service(spec).HttpBase, context.AdminToken, options.Clients);
        var progress = new ProjectionProgress(context.Database(BenchDatabases.Reconsideration), context.Database(BenchDatabases.Reporting));
        var variants = new[]
        {
            new ProtocolVariant("JSON/HTTP 1.1", json.CreateAsync),
            new ProtocolVariant("gRPC", async (script, ct) => await commands.RunAsync(Command.Create, script, null, ct)),
        };

        await WarmUp.EnsureAsync(context, commands, progress, cancellationToken);
        // The shared warm-up runs gRPC lifecycles; the transcoding path has its own code to compile. A quarter of
        // --warmup was too little on a busy machine: the first JSON run after 10 s at ~220 creates/s cost
        // reconsideration 0.56 ms of CPU per create, the next one 0.31 (bench/README.md).
        var warm = TimeSpan.FromSeconds(Math.Max(10, options.WarmUp.TotalSeconds));
        foreach (var variant in variants)
        {
            var load = await LoadAsync(context, variant, warm, seed: 7, progress, cancellationToken);
            Console.WriteLine($"[create] warm-up {variant.Name}: {load.Load.PerSecond:N0} creates/s, {load.Load.ErrorSummary()}");
        }

        for (var i = 1; i <= options.Runs; i++)
        {
            // Alternate which goes first: a slow drift of the machine (someone's build) then hits both alike.
            var order = i % 2 == 1 ? variants : [.. variants.Reverse()];
            foreach (var variant in order)
            {
                var run = await LoadAsync(context, variant, options.IntakeDuration, seed: 100_000 * i, progress, cancellationToken);
                variant.Runs.Add(run);
                Console.WriteLine($"[create] run {i}/{options.Runs} {variant.Name}: {run.Load.PerSecond:N0} creates/s, p50 {run.P50:0.0} ms, p99 {run.P99:0.0} ms, "
                    + $"{run.Load.ErrorSummary()}; CPU {run.Cpu}");
            }
        }
        return CreateProtocolsReport.Figures(context, variants[0], variants[1]);
    }

    private static async Task<ProtocolRun> LoadAsync(
        BenchContext context, ProtocolVariant variant, TimeSpan duration, int seed, ProjectionProgress progress, CancellationToken cancellationToken)
    {
        var cpu = context.NewCpuMeter();
        using var stop = new CancellationTokenSource(duration);
        cpu.Start();
        var load = await CreateLoad.RunAsync(variant.Create, context.Options.Clients, seed, stop.Token, cancellationToken);
        var usage = cpu.Stop();
        // Let the relay and reporting finish this load's events before the next variant is measured.
        await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(60), null, cancellationToken);
        var latencies = load.SortedLatencyMs();
        return new ProtocolRun(load, Latencies.Percentile(latencies, 50), Latencies.Percentile(latencies, 99), usage);
    }
}

public sealed record ProtocolRun(CreateLoad.Result Load, double P50, double P99, CpuUsage Cpu)
{
    /// <summary>CPU milliseconds per create of one process group.</summary>
    public double MsPerCreate(string group) => Cpu.CoresByGroup.GetValueOrDefault(group) * 1000 / Load.PerSecond;
}

public sealed class ProtocolVariant(string name, Func<CaseScript, CancellationToken, Task> create)
{
    public string Name { get; } = name;
    public Func<CaseScript, CancellationToken, Task> Create { get; } = create;
    public List<ProtocolRun> Runs { get; } = [];
}
