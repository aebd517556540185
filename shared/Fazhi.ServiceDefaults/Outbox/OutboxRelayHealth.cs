using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// Whether the outbox relay is publishing: since when it has been failing, how often in a row, and why. The relay
/// reports each pass here; readiness (<see cref="OutboxRelayHealthCheck"/>) and the metrics read it.
/// </summary>
public sealed class OutboxRelayStatus
{
    private static readonly ConcurrentDictionary<OutboxRelayStatus, bool> Running = new();

    private static readonly Counter<long> Failures = FazhiTelemetry.Meter.CreateCounter<long>(
        "fazhi.outbox.publish_failures", description: "Outbox relay passes that could not publish their rows (they stay pending)");

    // One instrument for the process, over the relays running in it (one per service; tests run several hosts).
    private static readonly ObservableGauge<double> FailingFor = FazhiTelemetry.Meter.CreateObservableGauge(
        "fazhi.outbox.failing_seconds",
        () => Running.Keys.Select(status => status.FailingForSeconds()).DefaultIfEmpty(0).Max(),
        unit: "s", description: "How long the outbox relay has been unable to publish; 0 while it publishes");

    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private DateTimeOffset? _failingSince;
    private int _consecutiveFailures;
    private string? _lastError;

    public OutboxRelayStatus(TimeProvider time)
    {
        _time = time;
        _ = FailingFor; // the gauge exists from the first relay on
    }

    public bool RelayRunning { get; private set; }

    public int ConsecutiveFailures
    {
        get { lock (_lock) return _consecutiveFailures; }
    }

    public DateTimeOffset? FailingSince
    {
        get { lock (_lock) return _failingSince; }
    }

    public string? LastError
    {
        get { lock (_lock) return _lastError; }
    }

    public void Started()
    {
        RelayRunning = true;
        Running[this] = true;
    }

    public void Stopped()
    {
        RelayRunning = false;
        Running.TryRemove(this, out _);
    }

    /// <summary>Records a failed pass; returns how many failed in a row.</summary>
    public int Failed(Exception error)
    {
        Failures.Add(1);
        lock (_lock)
        {
            _failingSince ??= _time.GetUtcNow();
            _lastError = error.GetBaseException().Message;
            return ++_consecutiveFailures;
        }
    }

    /// <summary>Records a pass that worked; returns how long the relay had been failing before it, if it had.</summary>
    public TimeSpan? Succeeded()
    {
        lock (_lock)
        {
            if (_failingSince is not { } since) return null;
            _failingSince = null;
            _consecutiveFailures = 0;
            _lastError = null;
            return _time.GetUtcNow() - since;
        }
    }

    private double FailingForSeconds()
    {
        var since = FailingSince;
        return since is null ? 0 : (_time.GetUtcNow() - since.Value).TotalSeconds;
    }
}

/// <summary>
/// Readiness of the outbox relay: Healthy while it publishes (and in a service without one), Degraded as soon as a
/// pass fails — writes still succeed, their events wait in the outbox — and Unhealthy once it has been failing for
/// <see cref="OutboxOptions.UnhealthyAfter"/>.
/// </summary>
public sealed class OutboxRelayHealthCheck(OutboxRelayStatus status, IOptions<OutboxOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (status.FailingSince is not { } since) return Task.FromResult(HealthCheckResult.Healthy(status.RelayRunning ? "publishing" : "no relay"));

        var failingFor = time.GetUtcNow() - since;
        var data = new Dictionary<string, object>
        {
            ["failingSince"] = since.ToString("O"),
            ["consecutiveFailures"] = status.ConsecutiveFailures,
            ["lastError"] = status.LastError ?? "",
        };
        var description = $"cannot publish for {failingFor.TotalSeconds:0.#} s ({status.ConsecutiveFailures} failed passes): {status.LastError}; events stay in the outbox";
        return Task.FromResult(failingFor >= options.Value.UnhealthyAfter
            ? HealthCheckResult.Unhealthy(description, data: data)
            : HealthCheckResult.Degraded(description, data: data));
    }
}
