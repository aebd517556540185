using System.Diagnostics;

namespace Fazhi.FaultRunner.Faults;

/// <summary>
/// kill -9 of one service (SIGKILL: no shutdown, transactions cut, unacknowledged messages back to their queues),
/// restarted after a short pause as a supervisor would.
/// </summary>
public sealed class ServiceKill(string service) : Fault($"kill-{service}")
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var process = context.Fleet[service];
        var clock = Stopwatch.StartNew();
        var pid = await process.KillAsync();
        await Task.Delay(Pause, ct);
        process.Start();
        var ready = await process.WaitReadyAsync(TimeSpan.FromSeconds(120), ct);
        var down = clock.Elapsed;
        var healthy = await context.Fleet.WaitAllHealthyAsync(TimeSpan.FromMinutes(1), ct);
        return $"pid {pid} killed (SIGKILL), restarted after {Pause.TotalSeconds:0} s as pid {process.Pid}, ready {ready.TotalSeconds:0.0} s after its start: " +
            $"down {down.TotalSeconds:0.0} s; {healthy}";
    }
}
