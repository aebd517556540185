using Fazhi.Litigation.Extensions;
using Fazhi.Litigation.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// The reconsideration and reporting services of one test class, on that class's own databases and RabbitMQ
/// virtual host, talking through the real broker.
/// </summary>
public class FazhiSystem : IAsyncLifetime
{
    private readonly string _id = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;
    private string _amqp = "";

    /// <summary>For fixtures that host one more service on this class's servers and virtual host.</summary>
    protected TestServers.Endpoints Servers => _servers;
    protected string Amqp => _amqp;
    protected string SystemId => _id;

    public const string SigningKey = "fazhi-integration-tests-signing-key-0123456789";

    public ServiceHost Reconsideration { get; private set; } = null!;
    public ServiceHost Reporting { get; private set; } = null!;

    /// <summary>The litigation service, started only by fixtures that ask for it (<see cref="LitigationSystem"/>).</summary>
    public ServiceHost Litigation => _litigation ?? throw new InvalidOperationException("This fixture does not host litigation: use LitigationSystem.");

    /// <summary>The litigation API as a courts-liaison officer whose scope (41) covers every org the tests use.</summary>
    public LitigationApi Lawsuits => _lawsuits ??= new(Litigation.Grpc(Token(FazhiRoles.LitigationLiaison, "41")));

    protected virtual bool HostsLitigation => false;

    private ServiceHost? _litigation;
    private LitigationApi? _lawsuits;

    /// <summary>The reconsideration API as a clerk whose scope (41, the province) covers every org the tests use.</summary>
    public ReconsiderationApi Cases => _cases ??= new(Reconsideration.Grpc(Token(FazhiRoles.ReconsiderationClerk, "41")));
    public HttpClient CasesHttp => _casesHttp ??= Reconsideration.Http(Token(FazhiRoles.ReconsiderationClerk, "41"));
    public ReportingApi Reports => _reports ??= new(Reporting.Http(Token(FazhiRoles.StatisticsViewer, "41")));

    private ReconsiderationApi? _cases;
    private HttpClient? _casesHttp;
    private ReportingApi? _reports;

    public static string Token(string role, string org, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null, string key = SigningKey) =>
        DevTokens.Mint($"test-{role}-{org}", role, org, key, lifetime ?? TimeSpan.FromHours(1), issuedAt);

    public string ReconsiderationDatabase => _id + "_reconsideration";
    public string ReportingDatabase => _id + "_reporting";
    public string LitigationDatabase => _id + "_litigation";
    public string LitigationConnectionString => TestServers.DatabaseConnectionString(_servers, LitigationDatabase);
    public string ReconsiderationConnectionString => TestServers.DatabaseConnectionString(_servers, ReconsiderationDatabase);
    public string ReportingConnectionString => TestServers.DatabaseConnectionString(_servers, ReportingDatabase);

    /// <summary>How many integration events the reconsideration service has written to its outbox for one case.</summary>
    public async Task<long> OutboxRowsAsync(string caseId)
    {
        await using var connection = new NpgsqlConnection(ReconsiderationConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE payload->>'caseId' = @id", connection);
        count.Parameters.AddWithValue("id", caseId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The ids of the outbox rows the relay has not yet published, in order of writing.</summary>
    public async Task<List<Guid>> PendingOutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(ReconsiderationConnectionString);
        await connection.OpenAsync();
        await using var pending = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence", connection);
        await using var reader = await pending.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
        // Reporting first, so its queue is bound before the first event is published.
        Reporting = await StartReportingAsync();
        Reconsideration = await StartReconsiderationAsync(relayEnabled: true);
        if (HostsLitigation) _litigation = await StartLitigationAsync();
    }

    private Task<ServiceHost> StartLitigationAsync() => ServiceHost.StartAsync(
        builder => builder.AddLitigationService(),
        app => app.MapLitigationService(),
        host => host.MigrateAsync<LitigationDbContext>(),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = LitigationConnectionString,
            ["ConnectionStrings:RabbitMq"] = _amqp,
            ["Auth:DevSigningKey"] = SigningKey,
        });

    /// <summary>Stops the reconsideration service and starts a new instance on the same database and broker.</summary>
    public async Task RestartReconsiderationAsync(bool relayEnabled, string? calendarPath = null)
    {
        await Reconsideration.DisposeAsync();
        (_cases, _casesHttp) = (null, null);
        Reconsideration = await StartReconsiderationAsync(relayEnabled, calendarPath);
    }

    public Task<ServiceHost> StartReconsiderationAsync(bool relayEnabled, string? calendarPath = null) => ServiceHost.StartAsync(
        builder => builder.AddReconsiderationService(),
        app => app.MapReconsiderationService(),
        host => host.MigrateAsync<ReconsiderationDbContext>(),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = ReconsiderationConnectionString,
            ["ConnectionStrings:RabbitMq"] = _amqp,
            ["Outbox:RelayEnabled"] = relayEnabled ? "true" : "false",
            ["Auth:DevSigningKey"] = SigningKey,
            ["Calendar:Path"] = calendarPath,
        });

    private Task<ServiceHost> StartReportingAsync() => ServiceHost.StartAsync(
        builder => builder.AddReportingService(),
        app => app.MapReportingService(),
        host => host.MigrateAsync<ReportingDbContext>(),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = ReportingConnectionString,
            ["ConnectionStrings:RabbitMq"] = _amqp,
            ["Auth:DevSigningKey"] = SigningKey,
        });

    public async Task DisposeAsync()
    {
        if (Reconsideration is not null) await Reconsideration.DisposeAsync();
        if (Reporting is not null) await Reporting.DisposeAsync();
        if (_litigation is not null)
        {
            await _litigation.DisposeAsync();
            await TestServers.DropDatabaseAsync(_servers, LitigationDatabase);
        }
        await TestServers.DropDatabaseAsync(_servers, ReconsiderationDatabase);
        await TestServers.DropDatabaseAsync(_servers, ReportingDatabase);
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }
}

/// <summary>A <see cref="FazhiSystem"/> that hosts the litigation service too, both services feeding one reporting service.</summary>
public sealed class LitigationSystem : FazhiSystem
{
    protected override bool HostsLitigation => true;
}
