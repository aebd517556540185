using Fazhi.FaultRunner.Harness;

namespace Fazhi.FaultRunner.Faults;

/// <summary>What a fault may reach: the private servers, the service processes and the run's options and log.</summary>
public sealed class FaultContext(SystemUnderTest system, PrivatePostgres postgres, PrivateRabbit rabbit, ServiceFleet fleet, RunnerOptions options, TextWriter log)
{
    public SystemUnderTest System { get; } = system;
    public PrivatePostgres Postgres { get; } = postgres;
    public PrivateRabbit Rabbit { get; } = rabbit;
    public ServiceFleet Fleet { get; } = fleet;
    public RunnerOptions Options { get; } = options;
    public TextWriter Log { get; } = log;

    /// <summary>Hostile events published so far: exactly these must be dead-lettered, nothing else.</summary>
    public int HostileSent { get; set; }

    /// <summary>The district the hostile events name (one the figures are audited for, so one applied would show).</summary>
    public string HostileOrg { get; set; } = "410105";
}

/// <summary>One fault: injects itself, waits until it has cleared (the system ready again) and says what it observed.</summary>
public abstract class Fault(string name)
{
    public string Name { get; } = name;

    public abstract Task<string> InjectAsync(FaultContext context, CancellationToken ct);
}

/// <summary>One fault as it happened in a run.</summary>
public sealed record FaultRecord(int Cycle, string Name, DateTimeOffset Start, TimeSpan Duration, string Observed, string? Error)
{
    public bool Ok => Error is null;
}
