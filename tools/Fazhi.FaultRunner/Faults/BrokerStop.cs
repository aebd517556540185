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
        // The broker is down from the moment its AMQP port refuses connections until it accepts them again; the
        // CLI calls around that take seconds of their own.
        var watch = WatchAsync(context, ct);
        var stopping = await context.Rabbit.StopAppAsync(ct);
        string readiness;
        try
        {
            // The outage lasts its length after stop_app has returned; readiness is read at its end, when every service
            // has had time to notice.
            await Task.Delay(context.Options.BrokerOutage, ct);
            readiness = await ReadinessAsync(context, ct);
        }
        finally
        {
            await context.Rabbit.StartAppAsync(CancellationToken.None);
        }
        var down = await watch;
        var healthy = await context.Fleet.WaitAllHealthyAsync(TimeSpan.FromMinutes(2), ct);
        return $"broker refused connections for {down.TotalSeconds:0.0} s (stop_app took {stopping.TotalSeconds:0.0} s); readiness at its end: {readiness}; " +
            $"{healthy} it accepted them again";
    }

    /// <summary>How long the broker's port refused connections: from the first refusal to the first acceptance after it.</summary>
    private static async Task<TimeSpan> WatchAsync(FaultContext context, CancellationToken ct)
    {
        var limit = Stopwatch.StartNew();
        while (await context.Rabbit.AcceptsAsync(ct))
        {
            if (limit.Elapsed > TimeSpan.FromMinutes(5)) return TimeSpan.Zero;
            await Task.Delay(100, ct);
        }
        var down = Stopwatch.StartNew();
        while (!await context.Rabbit.AcceptsAsync(ct))
        {
            if (limit.Elapsed > TimeSpan.FromMinutes(10)) break;
            await Task.Delay(100, ct);
        }
        return down.Elapsed;
    }

    /// <summary>Each service's readiness, grouped: whether it shows the fault (its bus, its relay).</summary>
    public static async Task<string> ReadinessAsync(FaultContext context, CancellationToken ct)
    {
        var states = new List<(string Service, string State)>();
        foreach (var service in context.Fleet.All) states.Add((service.Name, await service.ReadinessAsync(ct)));
        return string.Join("; ", states.GroupBy(s => s.State).Select(g => $"{g.Key}: {string.Join(", ", g.Select(s => s.Service))}"));
    }
}
