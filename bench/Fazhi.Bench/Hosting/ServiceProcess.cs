using System.Diagnostics;

namespace Fazhi.Bench.Hosting;

/// <summary>
/// One service run as a child process (`dotnet services/X/bin/Release/net10.0/Fazhi.X.dll`), exactly as it is
/// deployed, so its CPU and memory are its own and can be read from /proc.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public string Name { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public int Pid => _process.Id;
    public string LogPath { get; }
    public Uri HttpBase => new($"http://127.0.0.1:{HttpPort}");
    public Uri GrpcBase => new($"http://127.0.0.1:{GrpcPort}");

    private ServiceProcess(string name, int httpPort, int grpcPort, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public static ServiceProcess Start(
        string name, string dll, int httpPort, int grpcPort, IReadOnlyDictionary<string, string> environment, string runDirectory)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the solution in Release first (bench/run.sh does).");

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Fazhi__HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Fazhi__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var logPath = Path.Combine(runDirectory, name + ".log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        ChildProcesses.Track(process, Path.Combine(runDirectory, "children.pids"));
        // Drained asynchronously into the log file, so the service can never block on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, httpPort, grpcPort, process, log, logPath);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Resident memory when it first answered ready, before any load: tells start-up from load in a peak.</summary>
    public double? ReadyRssMb { get; private set; }

    /// <summary>Waits for /health/ready (database and bus reachable, migrations applied).</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} while starting; see {LogPath}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(HttpBase, "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    ReadyRssMb = Measurement.ProcStats.RssMb(Pid);
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            if (deadline.Elapsed > timeout) throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s; see {LogPath}:\n{Tail()}");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>SIGTERM first so the host shuts down cleanly (logs flushed, connections closed), then kill.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            SendSigTerm(_process.Id);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        ChildProcesses.Forget(_process);
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    private string Tail()
    {
        lock (_log) _log.Flush();
        try
        {
            using var shared = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(shared);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }

    // .NET can only SIGKILL another process; `kill -TERM` avoids P/Invoke for the one signal we need.
    private static void SendSigTerm(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill(1): DisposeAsync falls back to SIGKILL after the grace period.
        }
    }
}
