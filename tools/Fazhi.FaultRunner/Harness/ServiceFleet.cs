using System.Diagnostics;
using System.Globalization;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// The five services as child processes on the run's private servers, in the Development environment (the built-in
/// development signing key, which the workload's tokens use). Their pids are kept in &lt;work&gt;/services.pids, so that a
/// later run can end what a crashed one left behind, and only that.
/// </summary>
public sealed class ServiceFleet
{
    private static readonly string[] StartOrder = [Services.Reporting, .. Services.Domain];

    private readonly Dictionary<string, ServiceProcess> _services = [];
    private readonly string _pidFile;

    public ServiceFleet(RunnerOptions options, string repoRoot, PrivatePostgres postgres, PrivateRabbit rabbit)
    {
        _pidFile = PidFile(options.WorkDirectory);
        for (var i = 0; i < Services.All.Count; i++)
        {
            var name = Services.All[i];
            var project = ProjectName(name);
            var dll = Path.Combine(repoRoot, "services", project, "bin", options.Configuration, "net10.0", $"Fazhi.{project}.dll");
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Database"] = postgres.ConnectionString($"fazhi_{name}"),
                ["ConnectionStrings__RabbitMq"] = rabbit.Amqp.ToString(),
                // A developer's collector would get the run's traces; nothing leaves the machine unless asked.
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
            };
            var service = new ServiceProcess(name, dll, options.HttpPort + i, options.HttpPort + 1000 + i, environment,
                Path.Combine(options.WorkDirectory, $"{name}.log"));
            service.Changed = WritePids;
            service.Crashed = OnCrash;
            _services[name] = service;
        }
        System = new SystemUnderTest(postgres.Admin,
            Services.All.ToDictionary(n => n, n => postgres.ConnectionString($"fazhi_{n}")),
            rabbit.Amqp, rabbit.Management, PrivateRabbit.VirtualHost,
            _services.ToDictionary(s => s.Key, s => s.Value.Rest),
            DevTokens.DevelopmentKey);
    }

    public SystemUnderTest System { get; }

    /// <summary>Services that exited by themselves during the run: a product defect, whatever the figures say.</summary>
    public List<string> Crashes { get; } = [];

    /// <summary>
    /// A service that died by itself is recorded and started again after a pause, as a supervisor would, so that the run
    /// goes on and its checks still say whether anything was lost.
    /// </summary>
    private void OnCrash(ServiceProcess service, int exitCode)
    {
        int count;
        lock (Crashes) count = Crashes.Count(c => c.StartsWith(service.Name + " ", StringComparison.Ordinal)) + 1;
        var restart = count <= 3;   // a service that keeps dying is left down: the run fails either way
        var line = $"{service.Name} exited by itself at {DateTimeOffset.UtcNow:HH:mm:ss} with code {exitCode} (see {service.Name}.log)" +
            (restart ? "; restarted" : "; not restarted again");
        lock (Crashes) Crashes.Add(line);
        Console.WriteLine($"[servers] {line}");
        if (!restart) return;
        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            service.Start();
        });
    }
    public ServiceProcess this[string name] => _services[name];
    public IEnumerable<ServiceProcess> All => _services.Values;

    /// <summary>The service's project folder and assembly name: reconsideration → Reconsideration.</summary>
    public static string ProjectName(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string PidFile(string workDirectory) => Path.Combine(workDirectory, "services.pids");

    /// <summary>Ends the service processes a crashed earlier run left (pids from its file, and only if still a Fazhi service).</summary>
    public static void KillLeftovers(string workDirectory)
    {
        var file = PidFile(workDirectory);
        if (!File.Exists(file)) return;
        foreach (var line in File.ReadAllLines(file))
        {
            if (!int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)) continue;
            string commandLine;
            try
            {
                commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;   // gone
            }
            if (!commandLine.Contains("/services/", StringComparison.Ordinal) || !commandLine.Contains("Fazhi.", StringComparison.Ordinal)) continue;
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            Console.WriteLine($"[servers] killed {commandLine.Trim()} (pid {pid}) left by an earlier run");
        }
    }

    public async Task StartAllAsync(TimeSpan timeout, CancellationToken ct)
    {
        // A port another program listens on would answer the health checks for a service that failed to bind.
        foreach (var port in _services.Values.SelectMany(s => new[] { s.HttpPort, s.GrpcPort }))
            await Ports.RequireFreeAsync(port, "a service", ct);
        // Reporting first and alone, so its queues are bound before any event is published; then the others together.
        await StartAsync(_services[Services.Reporting], timeout, ct);
        await Task.WhenAll(Services.Domain.Select(name => StartAsync(_services[name], timeout, ct)));
    }

    private static async Task StartAsync(ServiceProcess service, TimeSpan timeout, CancellationToken ct)
    {
        service.Start();
        var ready = await service.WaitReadyAsync(timeout, ct);
        Console.WriteLine($"[servers] {service.Name} ready in {ready.TotalSeconds:0.0} s (pid {service.Pid}, REST {service.Rest}, gRPC :{service.GrpcPort})");
    }

    /// <summary>Waits until every service answers ready; how long that took.</summary>
    public async Task<TimeSpan> WaitAllReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(_services.Values.Select(s => s.WaitReadyAsync(timeout, ct)));
        return clock.Elapsed;
    }

    /// <summary>
    /// Waits until every service's readiness says Healthy (not merely Degraded: its bus connected, its relay
    /// publishing); how long that took, or what the services said when <paramref name="timeout"/> ran out.
    /// </summary>
    public async Task<string> WaitAllHealthyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var states = new List<string>();
            foreach (var service in _services.Values)
            {
                var state = await service.ReadinessAsync(ct);
                if (state != "Healthy") states.Add($"{service.Name} {state}");
            }
            if (states.Count == 0) return $"every service Healthy {clock.Elapsed.TotalSeconds:0.0} s after";
            if (clock.Elapsed > timeout) return $"after {clock.Elapsed.TotalSeconds:0} s still {string.Join(", ", states)}";
            await Task.Delay(250, ct);
        }
    }

    public async Task StopAllAsync()
    {
        foreach (var name in StartOrder.Reverse()) await _services[name].StopAsync();
    }

    public void KillAllNow()
    {
        foreach (var service in _services.Values) service.KillNow();
    }

    private void WritePids()
    {
        lock (_services)
        {
            var pids = _services.Values.Select(s => s.Pid).OfType<int>().Select(p => p.ToString(CultureInfo.InvariantCulture));
            File.WriteAllLines(_pidFile, pids);
        }
    }
}
