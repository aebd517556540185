using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;
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

    public ServiceHost Reconsideration { get; private set; } = null!;
    public ServiceHost Reporting { get; private set; } = null!;
    public ReconsiderationApi Cases => new(Reconsideration);
    public ReportingApi Reports => new(Reporting);

    public string ReconsiderationDatabase => _id + "_reconsideration";
    public string ReportingDatabase => _id + "_reporting";
    public string ReconsiderationConnectionString => TestServers.DatabaseConnectionString(_servers, ReconsiderationDatabase);
    public string ReportingConnectionString => TestServers.DatabaseConnectionString(_servers, ReportingDatabase);

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
        // Reporting first, so its queue is bound before the first event is published.
        Reporting = await StartReportingAsync();
        Reconsideration = await StartReconsiderationAsync(relayEnabled: true);
    }

    /// <summary>Stops the reconsideration service and starts a new instance on the same database and broker.</summary>
    public async Task RestartReconsiderationAsync(bool relayEnabled)
    {
        await Reconsideration.DisposeAsync();
        Reconsideration = await StartReconsiderationAsync(relayEnabled);
    }

    public Task<ServiceHost> StartReconsiderationAsync(bool relayEnabled) => ServiceHost.StartAsync(
        builder => builder.AddReconsiderationService(),
        app => app.MapReconsiderationService(),
        host => host.MigrateAsync<ReconsiderationDbContext>(),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = ReconsiderationConnectionString,
            ["ConnectionStrings:RabbitMq"] = _amqp,
            ["Outbox:RelayEnabled"] = relayEnabled ? "true" : "false",
        });

    private Task<ServiceHost> StartReportingAsync() => ServiceHost.StartAsync(
        builder => builder.AddReportingService(),
        app => app.MapReportingService(),
        host => host.MigrateAsync<ReportingDbContext>(),
        new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = ReportingConnectionString,
            ["ConnectionStrings:RabbitMq"] = _amqp,
        });

    public async Task DisposeAsync()
    {
        if (Reconsideration is not null) await Reconsideration.DisposeAsync();
        if (Reporting is not null) await Reporting.DisposeAsync();
        await TestServers.DropDatabaseAsync(_servers, ReconsiderationDatabase);
        await TestServers.DropDatabaseAsync(_servers, ReportingDatabase);
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }
}
