using System.Net.Http.Headers;
using Fazhi.Bench.Hosting;
using Fazhi.Bench.Measurement;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Net.Client;
using Npgsql;

namespace Fazhi.Bench.Workloads;

/// <summary>
/// What a workload gets: the options, the running services, an administrator's token, one gRPC channel and one
/// keep-alive HTTP client per service (created once: a channel per request would measure connection set-up, and
/// cost the shared CPU), the bench databases, and a place for notes the report must carry.
/// </summary>
public sealed class BenchContext : IDisposable
{
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Dictionary<string, HttpClient> _http = [];
    private readonly Dictionary<string, NpgsqlDataSource> _databases = [];
    private readonly HashSet<string> _done = [];

    public BenchOptions Options { get; }
    public BenchSystem System { get; }
    public string AdminToken { get; }
    public List<string> Notes { get; }

    public BenchContext(BenchOptions options, BenchSystem system, List<string> notes)
    {
        Options = options;
        System = system;
        Notes = notes;
        // Province 41's administrator may do everything everywhere the bench goes (organisations 4101xx).
        AdminToken = DevTokens.Mint("bench", FazhiRoles.Administrator, "41", system.SigningKey, TimeSpan.FromHours(24));
    }

    /// <summary>True the first time a key is asked for: lets workloads share a one-off step such as a warm-up.</summary>
    public bool FirstTime(string key)
    {
        lock (_done) return _done.Add(key);
    }

    /// <summary>One HTTP/2 channel; more connections only if 100 concurrent streams are exceeded.</summary>
    public GrpcChannel Grpc(ServiceSpec spec)
    {
        lock (_channels)
        {
            if (_channels.TryGetValue(spec.Name, out var channel)) return channel;
            var handler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            };
            channel = GrpcChannel.ForAddress(System.Service(spec).GrpcBase, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
            return _channels[spec.Name] = channel;
        }
    }

    /// <summary>A keep-alive HTTP/1.1 client for the JSON routes, carrying the administrator's token.</summary>
    public HttpClient Http(ServiceSpec spec)
    {
        lock (_http)
        {
            if (_http.TryGetValue(spec.Name, out var client)) return client;
            client = NewHttpClient(spec);
            return _http[spec.Name] = client;
        }
    }

    /// <summary>A client of its own, for a prober that must not queue behind another user's requests.</summary>
    public HttpClient NewHttpClient(ServiceSpec spec)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = System.Service(spec).HttpBase,
            Timeout = TimeSpan.FromMinutes(10),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    public NpgsqlDataSource Database(string name)
    {
        lock (_databases)
        {
            if (_databases.TryGetValue(name, out var source)) return source;
            return _databases[name] = NpgsqlDataSource.Create(System.Databases.ConnectionString(name));
        }
    }

    /// <summary>CPU per process group: each service, PostgreSQL, RabbitMQ, and the bench itself.</summary>
    public CpuMeter NewCpuMeter()
    {
        var groups = System.Services
            .Select(s => (s.Name.ToLowerInvariant(), (Func<IReadOnlyList<int>>)(() => [s.Pid])))
            .Append(("postgres", () => ProcStats.PidsNamed("postgres")))
            .Append(("rabbitmq", () => ProcStats.PidsNamed("beam.smp")))
            .Append(("bench", () => [Environment.ProcessId]))
            .ToList();
        return new CpuMeter(groups);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values) channel.Dispose();
        foreach (var client in _http.Values) client.Dispose();
        foreach (var source in _databases.Values) source.Dispose();
    }
}
