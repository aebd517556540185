using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// One service running in-process on real Kestrel, wired exactly as its Program.cs wires it, on free loopback
/// ports: JSON over HTTP/1.1 on one, gRPC over h2c on the other.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly List<IDisposable> _clients = [];
    private readonly Uri _httpAddress;
    private readonly Uri _grpcAddress;

    private ServiceHost(WebApplication app, int httpPort, int grpcPort)
    {
        App = app;
        _httpAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        _grpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;

    /// <summary>A JSON-over-HTTP client sending <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient Http(string? token)
    {
        var client = new HttpClient { BaseAddress = _httpAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        _clients.Add(client);
        return client;
    }

    /// <summary>A gRPC (h2c) channel sending <paramref name="token"/> as its bearer token (none when null).</summary>
    public GrpcChannel Grpc(string? token)
    {
        var channel = GrpcChannel.ForAddress(_grpcAddress, new GrpcChannelOptions { HttpClient = Http(token) });
        _clients.Add(channel);
        return channel;
    }

    public static async Task<ServiceHost> StartAsync(
        Action<WebApplicationBuilder> addService,
        Action<WebApplication> mapService,
        Func<IHost, Task> migrate,
        IReadOnlyDictionary<string, string?> settings)
    {
        // A port found free can be taken before Kestrel binds it (another test's outgoing connection gets it as its
        // ephemeral port): then start again on other ports.
        for (var attempt = 1; ; attempt++)
        {
            var httpPort = FreePort();
            var grpcPort = FreePort();
            // MassTransit keeps its log context in an AsyncLocal: a test that stops one host and starts another in the
            // same flow (a restart) would otherwise carry the stopped host's disposed logger factory into the new
            // host's start-up (ObjectDisposedException: LoggerFactory). Each bus sets its own context when it starts.
            MassTransit.LogContext.ConfigureCurrentLogContext(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            var app = Build(addService, mapService, settings, httpPort, grpcPort);
            try
            {
                await migrate(app);
                await app.StartAsync();
                return new ServiceHost(app, httpPort, grpcPort);
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException && attempt < 5)
            {
                // The hosted services that started before Kestrel (bus, relay, writers) are stopped with it.
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    private static WebApplication Build(
        Action<WebApplicationBuilder> addService, Action<WebApplication> mapService, IReadOnlyDictionary<string, string?> settings,
        int httpPort, int grpcPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Fazhi:HttpPort"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Fazhi:GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        addService(builder);
        var app = builder.Build();
        mapService(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
