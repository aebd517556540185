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
        string notReady;
        try
        {
            // The outage counts from the moment stop_app has returned (it waits for connections to close, seconds on a
            // busy machine); readiness is read at its end, when every service has had time to notice.
            await Task.Delay(context.Options.BrokerOutage, ct);
            notReady = await NotReadyAsync(context, ct);
        }
        finally
        {
            await context.Rabbit.StartAppAsync(CancellationToken.None);
        }
        var down = clock.Elapsed;
        var ready = await context.Fleet.WaitAllReadyAsync(TimeSpan.FromMinutes(2), ct);
        return $"broker down {down.TotalSeconds:0.0} s (stop_app {stopping.TotalSeconds:0.0} s); not ready during it: {notReady}; " +
            $"every service ready {ready.TotalSeconds:0.0} s after it was back";
    }

    /// <summary>The services whose readiness shows the fault (the bus or the relay), as a list.</summary>
    public static async Task<string> NotReadyAsync(FaultContext context, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var service in context.Fleet.All)
            if (!await service.IsReadyAsync(ct)) names.Add(service.Name);
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }
}
