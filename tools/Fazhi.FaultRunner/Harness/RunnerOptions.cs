using System.Globalization;
using Fazhi.FaultRunner.Faults;

namespace Fazhi.FaultRunner.Harness;

/// <summary>The command line of a fault run: which faults, how long, and where its private servers listen.</summary>
public sealed record RunnerOptions
{
    public const string Usage = """
        usage: dotnet run --project tools/Fazhi.FaultRunner -c Release -- [options]

        Starts a private PostgreSQL cluster and RabbitMQ node and the five services as child processes, logs demo years
        through the public JSON API while it injects faults one after another, then recomputes the true figures from
        the domain databases and compares them with reporting's, checks each round's figures against its plan and
        checks that exactly the hostile events were dead-lettered. Exit code 0 only if every check passed.

        options:
          --faults <a,b,…>         the faults, in this order (default: all). Names: kill-reconsideration,
                                   kill-litigation, kill-enforcement, kill-disclosure, kill-reporting (kill = all five),
                                   broker-stop, postgres-restart, reporting-db-outage, replay, hostile
          --soak <duration>        repeat the fault cycle (with new workload rounds) until this long has passed,
                                   e.g. 2h, 45m, 90s (default: one cycle, the bounded CI run)
          --gap <seconds>          workload alone between two faults (default 4)
          --broker-outage <s>      how long the broker is stopped (default 10)
          --reporting-outage <s>   how long reporting's database refuses connections (default 30)
          --postgres-restart <m>   fast (default) or immediate (a crash restart)
          --replay <n>             events per domain service sent again, newest first, twice (default 200)
          --catch-up <seconds>     how long the checks wait for reporting to catch up (default 180)
          --seed <n>               the demo plan's seed (default 2023)
          --parallel <n>           cases in flight per service (default 8)
          --configuration <c>      the services' build to run (default Release: services/<Name>/bin/<c>/net10.0)
          --work <dir>             servers' data, logs (default /tmp/fazhi-faults); cleared at the start
          --keep                   leave the work directory (databases, logs) in place at the end
          --pg-port <port>         private PostgreSQL (default 55432)
          --amqp-port <port>       private RabbitMQ AMQP (default 5682)
          --management-port <p>    its management API (default 15682)
          --dist-port <port>       its Erlang distribution port (default 25682)
          --http-port <port>       first service's JSON port (default 5231, clear of scripts/run.sh's 5101 and the
                                   bench's 5201; the five use 5231–5235, gRPC 6231–6235)
          --help
        """;

    public IReadOnlyList<string> Faults { get; init; } = FaultCatalog.Names;
    public TimeSpan? Soak { get; init; }
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan BrokerOutage { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan ReportingOutage { get; init; } = TimeSpan.FromSeconds(30);
    public bool CrashRestart { get; init; }
    public int ReplayPerService { get; init; } = 200;
    public TimeSpan CatchUp { get; init; } = TimeSpan.FromSeconds(180);
    public int Seed { get; init; } = 2023;
    public int Parallel { get; init; } = 8;
    public string Configuration { get; init; } = "Release";
    public string WorkDirectory { get; init; } = "/tmp/fazhi-faults";
    public bool Keep { get; init; }
    public int PostgresPort { get; init; } = 55432;
    public int AmqpPort { get; init; } = 5682;
    public int ManagementPort { get; init; } = 15682;
    public int DistributionPort { get; init; } = 25682;
    public int HttpPort { get; init; } = 5231;
    public bool Help { get; init; }

    /// <summary>Parses the arguments; an error message instead when they are not understood.</summary>
    public static (RunnerOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var o = new RunnerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{name} needs a value");
            try
            {
                o = name switch
                {
                    "--help" or "-h" => o with { Help = true },
                    "--faults" => o with { Faults = FaultCatalog.ParseList(Value()) },
                    "--soak" => o with { Soak = Duration(name, Value()) },
                    "--gap" => o with { Gap = Seconds(name, Value(), min: 0) },
                    "--broker-outage" => o with { BrokerOutage = Seconds(name, Value(), min: 1) },
                    "--reporting-outage" => o with { ReportingOutage = Seconds(name, Value(), min: 1) },
                    "--postgres-restart" => o with
                    {
                        CrashRestart = Value() switch
                        {
                            "fast" => false,
                            "immediate" => true,
                            var v => throw new FormatException($"--postgres-restart must be fast or immediate, not {v}"),
                        },
                    },
                    "--replay" => o with { ReplayPerService = Int(name, Value(), 1, 100_000) },
                    "--catch-up" => o with { CatchUp = Seconds(name, Value(), min: 1) },
                    "--seed" => o with { Seed = Int(name, Value(), int.MinValue, int.MaxValue) },
                    "--parallel" => o with { Parallel = Int(name, Value(), 1, 64) },
                    "--configuration" or "-c" => o with { Configuration = Value() },
                    "--work" => o with { WorkDirectory = Path.GetFullPath(Value()) },
                    "--keep" => o with { Keep = true },
                    "--pg-port" => o with { PostgresPort = Port(name, Value()) },
                    "--amqp-port" => o with { AmqpPort = Port(name, Value()) },
                    "--management-port" => o with { ManagementPort = Port(name, Value()) },
                    "--dist-port" => o with { DistributionPort = Port(name, Value()) },
                    "--http-port" => o with { HttpPort = Int(name, Value(), 1024, 64_000) },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }
        if (o.WorkDirectory.TrimEnd('/').Length < 5) return (null, "--work must name a directory of its own (it is deleted)");
        return (o, null);
    }

    /// <summary>A duration as 90s, 45m, 2h, 1h30m, or hh:mm:ss.</summary>
    public static TimeSpan Duration(string option, string value)
    {
        if (TimeSpan.TryParseExact(value, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var exact) && exact > TimeSpan.Zero) return exact;
        var total = TimeSpan.Zero;
        var number = "";
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                number += c;
                continue;
            }
            if (number.Length == 0 || number.Length > 6) throw new FormatException($"{option}: '{value}' is not a duration such as 90s, 45m or 2h");
            var n = int.Parse(number, CultureInfo.InvariantCulture);
            total += c switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => throw new FormatException($"{option}: '{value}' is not a duration such as 90s, 45m or 2h"),
            };
            number = "";
        }
        if (number.Length > 0 || total <= TimeSpan.Zero) throw new FormatException($"{option}: '{value}' is not a duration such as 90s, 45m or 2h");
        return total;
    }

    private static TimeSpan Seconds(string option, string value, int min) => TimeSpan.FromSeconds(Int(option, value, min, 86_400));

    private static int Port(string option, string value) => Int(option, value, 1024, 65_535);

    private static int Int(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"{option} must be a whole number from {min} to {max}, not '{value}'");
}
