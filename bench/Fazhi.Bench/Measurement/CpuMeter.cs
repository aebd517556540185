using System.Diagnostics;

namespace Fazhi.Bench.Measurement;

/// <summary>
/// CPU used by each group of processes (a service, every postgres backend, the broker, the bench itself) between
/// <see cref="Start"/> and <see cref="Stop"/>, in cores (1.0 = one core busy the whole time), from /proc. "irq" is the
/// kernel's interrupt and softirq time (loopback TCP is processed there, so it grows with the request rate); "other"
/// is the machine's remaining busy time no group accounts for: if it is large, something else ran. "steal" is time the
/// hypervisor gave to other guests: the cores were not all ours.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<(string Group, Func<IReadOnlyList<int>> Pids)> groups)
{
    private Dictionary<(string, int), long> _start = [];
    private ProcStats.MachineCpu _machineStart;
    private long _startTimestamp;

    public void Start()
    {
        _start = Snapshot();
        _machineStart = ProcStats.MachineTicks();
        _startTimestamp = Stopwatch.GetTimestamp();
    }

    public CpuUsage Stop()
    {
        var end = Snapshot();
        var machine = ProcStats.MachineTicks();
        var seconds = Stopwatch.GetElapsedTime(_startTimestamp).TotalSeconds;
        var byGroup = groups.ToDictionary(g => g.Group, g => end.Where(e => e.Key.Item1 == g.Group)
            .Sum(e => e.Value - _start.GetValueOrDefault(e.Key)) / ProcStats.TicksPerSecond / seconds);
        double Cores(long ticks) => (double)ticks / Math.Max(1, machine.Total - _machineStart.Total) * Environment.ProcessorCount;
        var machineBusy = Cores(machine.Busy - _machineStart.Busy);
        byGroup["irq"] = Cores(machine.Interrupts - _machineStart.Interrupts);
        byGroup["other"] = Math.Max(0, machineBusy - byGroup.Values.Sum());
        byGroup["steal"] = Cores(machine.Steal - _machineStart.Steal);
        return new CpuUsage(byGroup, machineBusy, Environment.ProcessorCount);
    }

    private Dictionary<(string, int), long> Snapshot()
    {
        var ticks = new Dictionary<(string, int), long>();
        foreach (var (group, pids) in groups)
            foreach (var pid in pids()) ticks[(group, pid)] = ProcStats.CpuTicks(pid);
        return ticks;
    }
}

public sealed record CpuUsage(IReadOnlyDictionary<string, double> CoresByGroup, double MachineBusyCores, int Cores)
{
    public override string ToString() =>
        string.Join(", ", CoresByGroup.OrderByDescending(g => g.Value).Select(g => $"{g.Key} {g.Value:0.00}"))
        + $" (machine busy {MachineBusyCores:0.00} of {Cores} cores)";

    /// <summary>CPU time per unit of work (a command, a case), per group, in milliseconds: what each process costs.</summary>
    public string PerUnit(double unitsPerSecond, string unit) =>
        $"per {unit}: " + string.Join(", ", CoresByGroup.Where(g => g.Key != "steal").OrderByDescending(g => g.Value)
            .Select(g => $"{g.Key} {g.Value * 1000 / unitsPerSecond:0.00}"))
        + $" ms ({MachineBusyCores * 1000 / unitsPerSecond:0.00} ms in all)";

    /// <summary>Per-group medians over several runs.</summary>
    public static CpuUsage Median(IReadOnlyList<CpuUsage> runs) => new(
        runs[0].CoresByGroup.Keys.ToDictionary(k => k, k => Latencies.Median(runs.Select(r => r.CoresByGroup.GetValueOrDefault(k)))),
        Latencies.Median(runs.Select(r => r.MachineBusyCores)), runs[0].Cores);
}
