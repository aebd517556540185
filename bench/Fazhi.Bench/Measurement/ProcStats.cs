using System.Globalization;

namespace Fazhi.Bench.Measurement;

/// <summary>What Linux says about processes and the machine (/proc): CPU time, peak memory, sizes.</summary>
public static class ProcStats
{
    /// <summary>USER_HZ: the unit of utime/stime in /proc/&lt;pid&gt;/stat; 100 on every Linux this runs on.</summary>
    public const double TicksPerSecond = 100;

    /// <summary>Peak resident set size (VmHWM) in MB since the process started; null if it is gone.</summary>
    public static double? PeakRssMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    public static double? RssMb(int pid) => StatusKb(pid, "VmRSS:") / 1024.0;

    /// <summary>utime + stime of the process (its threads included) in ticks; 0 if it is gone.</summary>
    public static long CpuTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may contain spaces; the fields after its closing parenthesis do not.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Pids whose command name (/proc/&lt;pid&gt;/comm) is <paramref name="comm"/>, e.g. every postgres backend.</summary>
    public static IReadOnlyList<int> PidsNamed(string comm)
    {
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).TrimEnd('\n') == comm) pids.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return pids;
    }

    /// <summary>The machine's CPU ticks (first line of /proc/stat), split the way the bench reports them.</summary>
    public readonly record struct MachineCpu(long Busy, long Interrupts, long Steal, long Total);

    public static MachineCpu MachineTicks()
    {
        // user nice system idle iowait irq softirq steal
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new MachineCpu(Busy: f[0] + f[1] + f[2] + f[5] + f[6], Interrupts: f[5] + f[6], Steal: f[7], Total: f.Sum());
    }

    public static double MemoryTotalGb() => (StatusKbFrom("/proc/meminfo", "MemTotal:") ?? 0) / 1024.0 / 1024.0;

    public static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static long? StatusKb(int pid, string key) => StatusKbFrom($"/proc/{pid}/status", key);

    private static long? StatusKbFrom(string path, string key)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
