using System.Globalization;

namespace Fazhi.Bench;

/// <summary>
/// Command line of `bash bench/run.sh`. Defaults are the measurement the issue asks for; --quick shortens every
/// phase to one run so a change can be checked in a few minutes (its figures are indicative, not the record).
/// </summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    /// <summary>Workload names to run (intake, litigation, create-json-vs-grpc, freshness, ytd, overload); empty means all but overload.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();
    /// <summary>
    /// Commands in flight. The group commit's batches grow with them, and 32 left the machine latency-bound, not
    /// CPU-bound (32 / 1,650 commands/s, 64 / ~1,970, 96 / ~2,570 with the same code; bench/README.md).
    /// </summary>
    public int Clients { get; init; } = 96;
    public int Runs { get; init; } = 3;
    public TimeSpan IntakeDuration { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Unmeasured load before the intake runs, so they measure JIT-compiled code, not the JIT.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(60);
    public int FreshnessProbes { get; init; } = 100;
    public int LoadedCases { get; init; } = 1_000_000;
    /// <summary>The overload workload's arrival rate as a multiple of the capacity it measured first.</summary>
    public int OverloadFactor { get; init; } = 4;
    /// <summary>The overload generator's most calls in flight (arrivals past it are counted, not sent).</summary>
    public int OverloadInFlight { get; init; } = 5000;
    /// <summary>Keep the bench databases and vhost afterwards (to look at them).</summary>
    public bool Keep { get; init; }

    public const string Usage = """
        usage: bash bench/run.sh [--quick] [--only intake,freshness,ytd] [--clients N] [--runs N]
                                 [--duration SECONDS] [--warmup SECONDS] [--probes N] [--cases N] [--overload-factor N] [--overload-in-flight N]
                                 [--keep] [--no-build]
          --quick     one run of each figure, intake 15 s, 30 freshness probes per level
          --only      run a subset of the workloads: intake, litigation, enforcement, disclosure, create-json-vs-grpc, freshness, ytd
                      (rebuild is part of ytd, memory part of intake); overload runs only when named here
                      (results then go to results/overload.md, not latest.md)
          --clients   concurrent API clients of the intake, create and background loads (default 96)
          --runs      runs per figure; the table shows the median (default 3, --quick 1)
          --duration  intake load per run in seconds, per protocol in create-json-vs-grpc, and of the overload (default 60, --quick 15)
          --warmup    unmeasured load before the intake runs, in seconds (default 60, --quick 45)
          --probes    freshness probes per load level and run (default 100, --quick 30)
          --cases     cases loaded for the YTD query and rebuild figures (default 1000000)
          --overload-factor  overload arrival rate as a multiple of the capacity measured first (default 4)
          --overload-in-flight  the overload generator's most calls in flight (default 5000)
          --keep      keep the bench databases and RabbitMQ vhost afterwards
          --no-build  (run.sh) skip the Release build
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = args.Contains("--quick");
        var options = quick
            ? new BenchOptions { Quick = true, Runs = 1, IntakeDuration = TimeSpan.FromSeconds(15), WarmUp = TimeSpan.FromSeconds(45), FreshnessProbes = 30 }
            : new BenchOptions();

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.\n{Usage}");

            options = args[i] switch
            {
                "--quick" or "--no-build" => options,
                "--only" => options with { Only = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                "--clients" => options with { Clients = Number() },
                "--runs" => options with { Runs = Number() },
                "--duration" => options with { IntakeDuration = TimeSpan.FromSeconds(Number()) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Number()) },
                "--probes" => options with { FreshnessProbes = Number() },
                "--cases" => options with { LoadedCases = Number() },
                "--overload-factor" => options with { OverloadFactor = Number() },
                "--overload-in-flight" => options with { OverloadInFlight = Number() },
                "--keep" => options with { Keep = true },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"unknown option {args[i]}\n{Usage}"),
            };
        }
        return options;
    }
}
