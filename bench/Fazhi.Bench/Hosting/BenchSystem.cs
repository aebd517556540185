using System.Security.Cryptography;

namespace Fazhi.Bench.Hosting;

/// <summary>A service as the bench runs it: its bench ports keep clear of the dev services on 51xx/61xx.</summary>
public sealed record ServiceSpec(string Name, int HttpPort, int GrpcPort, string Database)
{
    public string Dll(string repoRoot) => Path.Combine(repoRoot, "services", Name, "bin", "Release", "net10.0", $"Fazhi.{Name}.dll");
}

/// <summary>
/// The system under test: fresh bench databases and vhost, every service started as a child process in Production
/// mode (warnings-only logging, a bench signing key), and all of it torn down again at the end.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    public static readonly ServiceSpec ReportingSpec = new("Reporting", 5205, 6205, BenchDatabases.Reporting);
    public static readonly ServiceSpec ReconsiderationSpec = new("Reconsideration", 5201, 6201, BenchDatabases.Reconsideration);
    public static readonly ServiceSpec LitigationSpec = new("Litigation", 5202, 6202, BenchDatabases.Litigation);
    public static readonly ServiceSpec EnforcementSpec = new("Enforcement", 5203, 6203, BenchDatabases.Enforcement);
    public static readonly ServiceSpec DisclosureSpec = new("Disclosure", 5204, 6204, BenchDatabases.Disclosure);

    /// <summary>Started in this order: reporting first, so its queues are bound before anyone publishes.</summary>
    private static readonly ServiceSpec[] Specs = [ReportingSpec, ReconsiderationSpec, LitigationSpec, EnforcementSpec, DisclosureSpec];

    private readonly List<ServiceProcess> _services = [];
    private readonly RabbitVhost _vhost;
    private readonly bool _keep;

    public BenchDatabases Databases { get; }
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public IReadOnlyList<ServiceProcess> Services => _services;

    private BenchSystem(BenchDatabases databases, RabbitVhost vhost, bool keep)
    {
        Databases = databases;
        _vhost = vhost;
        _keep = keep;
    }

    public ServiceProcess Service(ServiceSpec spec) => _services.Single(s => s.Name == spec.Name);

    public static async Task<BenchSystem> StartAsync(string repoRoot, string runDirectory, bool keep, CancellationToken cancellationToken)
    {
        var system = new BenchSystem(BenchDatabases.FromEnvironment(), RabbitVhost.FromEnvironment(), keep);
        try
        {
            Console.WriteLine($"[bench] fresh databases {string.Join(", ", BenchDatabases.All)} and vhost {RabbitVhost.Name}");
            await system.Databases.RecreateAsync(cancellationToken);
            await system._vhost.RecreateAsync(cancellationToken);
            foreach (var spec in Specs)
            {
                var service = ServiceProcess.Start(spec.Name, spec.Dll(repoRoot), spec.HttpPort, spec.GrpcPort, system.Environment(spec), runDirectory);
                system._services.Add(service);
                await service.WaitReadyAsync(TimeSpan.FromSeconds(90), cancellationToken);
                Console.WriteLine($"[bench] {spec.Name} ready (pid {service.Pid}, http {spec.HttpPort}, grpc {spec.GrpcPort}, log {service.LogPath})");
            }
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Environment(ServiceSpec spec)
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Database"] = Databases.ConnectionString(spec.Database),
            ["ConnectionStrings__RabbitMq"] = RabbitVhost.AmqpUri(),
            ["Auth__DevSigningKey"] = SigningKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            // A developer's collector would add export work to the measured processes.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        // FAZHI_BENCH_PERF_MAP=1 (for profiling, not for the record): JIT symbol maps in /tmp and no W^X double mapping,
        // so `perf record -g -p <pid>` can name the hot .NET frames.
        if (System.Environment.GetEnvironmentVariable("FAZHI_BENCH_PERF_MAP") == "1")
        {
            environment["DOTNET_PerfMapEnabled"] = "1";
            environment["DOTNET_EnableWriteXorExecute"] = "0";
        }
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _services.Count - 1; i >= 0; i--) await _services[i].DisposeAsync();
        _services.Clear();
        if (_keep)
        {
            Console.WriteLine($"[bench] --keep: databases {string.Join(", ", BenchDatabases.All)} and vhost {RabbitVhost.Name} left in place");
        }
        else
        {
            try
            {
                await Databases.DropAsync(CancellationToken.None);
                await _vhost.DeleteAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or HttpRequestException or InvalidOperationException)
            {
                Console.Error.WriteLine($"[bench] cleanup failed (drop them by hand): {ex.Message}");
            }
        }
        _vhost.Dispose();
    }
}
