using System.Diagnostics;

namespace Fazhi.FaultRunner.Faults;

/// <summary>
/// The broker stopped (rabbitmqctl stop_app) for a while and started again: the relays keep events in their outboxes,
/// the consumers lose their connection, and both must resume by themselves.
/// </summary>
public sealed class BrokerStop() : Fault("broker-stop")
{
    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stopping = await context.Rabbit.StopAppAsync(ct);
        string readiness;
        try
        {
            // The outage counts from the moment stop_app has returned (it waits for connections to close, seconds on a
            // busy machine); readiness is read at its end, when every service has had time to notice.
            await Task.Delay(context.Options.BrokerOutage, ct);
            readiness = await ReadinessAsync(context, ct);
        }
        finally
        {
            await context.Rabbit.StartAppAsync(CancellationToken.None);
        }
        var down = clock.Elapsed;
        var healthy = await context.Fleet.WaitAllHealthyAsync(TimeSpan.FromMinutes(2), ct);
        return $"broker down {down.TotalSeconds:0.0} s (stop_app {stopping.TotalSeconds:0.0} s); readiness at its end: {readiness}; " +
            $"{healthy} it was back";
    }

    /// <summary>Each service's readiness, grouped: whether it shows the fault (its bus, its relay).</summary>
    public static async Task<string> ReadinessAsync(FaultContext context, CancellationToken ct)
    {
        var states = new List<(string Service, string State)>();
        foreach (var service in context.Fleet.All) states.Add((service.Name, await service.ReadinessAsync(ct)));
        return string.Join("; ", states.GroupBy(s => s.State).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Service))}"));
    }
}
