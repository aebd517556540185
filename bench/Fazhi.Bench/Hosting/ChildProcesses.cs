using System.Diagnostics;

namespace Fazhi.Bench.Hosting;

/// <summary>
/// The service processes this bench started, and the guarantee that none outlives it: they are killed when the bench
/// exits by any path .NET still runs code on (normal end, exception, SIGINT/SIGTERM). Their pids are also written to
/// a file that bench/run.sh reads on exit, which covers the bench itself being killed outright.
/// </summary>
public static class ChildProcesses
{
    private static readonly List<Process> Running = [];
    private static string? _pidFile;

    public static void Track(Process process, string pidFile)
    {
        lock (Running)
        {
            if (_pidFile is null)
            {
                _pidFile = pidFile;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
            }
            Running.Add(process);
            WritePidFile();
        }
    }

    public static void Forget(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
            WritePidFile();
        }
    }

    public static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Exited in between: nothing to kill.
                }
            }
            Running.Clear();
            WritePidFile();
        }
    }

    private static void WritePidFile()
    {
        if (_pidFile is null) return;
        File.WriteAllLines(_pidFile, Running.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
