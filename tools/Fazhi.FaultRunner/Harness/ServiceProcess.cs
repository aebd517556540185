using System.Diagnostics;
using System.Globalization;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// One service as a child process (<c>dotnet services/X/bin/&lt;configuration&gt;/net10.0/Fazhi.X.dll</c>), as it is
/// deployed, so that a kill is a real SIGKILL of a real process. Its output is appended to &lt;work&gt;/&lt;name&gt;.log
/// across restarts.
/// </summary>
public sealed class ServiceProcess(string name, string dll, int httpPort, int grpcPort, IReadOnlyDictionary<string, string> environment, string logPath)
{
    private Process? _process;

    // Appended to across restarts and never closed before the runner exits (AutoFlush writes every line through): a
    // killed process's last lines may still be on their way from its pipe.
    private readonly StreamWriter _log = new(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    public string Name { get; } = name;
    public string Dll { get; } = dll;
    public Uri Rest { get; } = new($"http://127.0.0.1:{httpPort}/");
    public int HttpPort { get; } = httpPort;
    public int GrpcPort { get; } = grpcPort;
    public int Starts { get; private set; }
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Called with the pid of each process started, and with null when it is gone (for the run's pid file).</summary>
    public Action? Changed { get; set; }

    /// <summary>Called when the process exits by itself (not killed or stopped by the runner), with its exit code.</summary>
    public Action<ServiceProcess, int>? Crashed { get; set; }

    public void Start()
    {
        if (!File.Exists(Dll)) throw new FileNotFoundException($"{Dll} is missing: build first (dotnet build Fazhi.sln -c <configuration>)");
        var start = new ProcessStartInfo("dotnet", [Dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Fazhi__HttpPort"] = HttpPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["Fazhi__GrpcPort"] = GrpcPort.ToString(CultureInfo.InvariantCulture);

        var log = _log;
        lock (log) log.WriteLine($"==== fault runner: starting {Name} at {DateTimeOffset.UtcNow:O}");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Dll}");
        process.StandardInput.Close();
        // Drained asynchronously into the log, so the service never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        process.EnableRaisingEvents = true;
        // The runner forgets a process (_process = null) before it kills or stops it: any other exit is the service's own.
        process.Exited += (_, _) =>
        {
            if (ReferenceEquals(_process, process)) Crashed?.Invoke(this, process.ExitCode);
        };
        Changed?.Invoke();
    }

    /// <summary>kill -9 of the service and anything it started: no shutdown, no flush, connections cut.</summary>
    public async Task<int> KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} is not running");
        var pid = process.Id;
        _process = null;   // first, so that no one waiting for it to be ready takes its exit for a crash
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
        lock (_log) _log.WriteLine($"==== fault runner: killed {Name} (pid {pid}, SIGKILL) at {DateTimeOffset.UtcNow:O}");
        process.Dispose();
        Changed?.Invoke();
        return pid;
    }

    /// <summary>Waits until /health/ready answers 200 (database, bus and relay healthy or degraded).</summary>
    public async Task<TimeSpan> WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process is { HasExited: true } p)
                throw new InvalidOperationException($"{Name} exited with code {p.ExitCode}; see {logPath}:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync(new Uri(Rest, "health/ready"), ct);
                if (response.IsSuccessStatusCode) return clock.Elapsed;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Listening but too busy to answer in time: ask again.
            }
            if (clock.Elapsed > timeout) throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s; see {logPath}:\n{Tail()}");
            await Task.Delay(200, ct);
        }
    }

    /// <summary>
    /// What /health/ready says now: Healthy, Degraded (still answered 200: a relay that cannot publish yet, writes
    /// still accepted), Unhealthy, or why there was no answer.
    /// </summary>
    public async Task<string> ReadinessAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(Rest, "health/ready"), ct);
            var body = (await response.Content.ReadAsStringAsync(ct)).Trim();
            return body.Length is > 0 and < 40 ? body : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException)
        {
            return "no answer";
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return "no answer within 3 s";
        }
    }

    /// <summary>SIGTERM, so the host shuts down cleanly; SIGKILL after a grace period.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null) return;
        _process = null;   // first, so that its exit is not taken for a crash
        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                await kill!.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
        process.Dispose();
        Changed?.Invoke();
    }

    /// <summary>The last resort when the runner itself is going away: SIGKILL, no waiting.</summary>
    public void KillNow()
    {
        var process = _process;
        _process = null;
        try
        {
            if (process is { HasExited: false } p) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited in between.
        }
    }

    private string Tail()
    {
        try
        {
            using var shared = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(shared);
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(30));
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }
}
