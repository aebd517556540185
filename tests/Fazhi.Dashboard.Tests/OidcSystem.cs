using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;

namespace Fazhi.Dashboard.Tests;

/// <summary>
/// Reporting and reconsideration configured as in production: tokens come only from an OIDC authority (here the
/// <see cref="FakeOidcProvider"/>), over plain HTTP on loopback, with no development signing key at all.
/// </summary>
public sealed class OidcSystem : IAsyncLifetime
{
    private readonly string _id = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;

    public FakeOidcProvider Provider { get; private set; } = null!;
    public ServiceHost Reporting { get; private set; } = null!;
    public ServiceHost Reconsideration { get; private set; } = null!;

    /// <summary>The reporting service's root, as the browser opens it (the page's origin and redirect URI).</summary>
    public Uri ReportingRoot => Reporting.Http(null).BaseAddress!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
        Provider = await FakeOidcProvider.StartAsync();
        Reporting = await ServiceHost.StartAsync(
            builder => builder.AddReportingService(),
            app => app.MapReportingService(),
            host => host.MigrateAsync<ReportingDbContext>(),
            Settings(_id + "_reporting", amqp));
        Reconsideration = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(),
            app => app.MapReconsiderationService(),
            host => host.MigrateAsync<ReconsiderationDbContext>(),
            new Dictionary<string, string?>(Settings(_id + "_reconsideration", amqp)) { ["Outbox:RelayEnabled"] = "true" });
        Provider.AllowedOrigin = ReportingRoot.GetLeftPart(UriPartial.Authority);
        Provider.RedirectUri = ReportingRoot.ToString();
    }

    private Dictionary<string, string?> Settings(string database, string amqp) => new()
    {
        ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(_servers, database),
        ["ConnectionStrings:RabbitMq"] = amqp,
        ["Auth:Authority"] = Provider.Issuer,
        ["Auth:Audience"] = Provider.Audience,
        ["Auth:RequireHttpsMetadata"] = "false",
    };

    public async Task DisposeAsync()
    {
        if (Reconsideration is not null) await Reconsideration.DisposeAsync();
        if (Reporting is not null) await Reporting.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
        await TestServers.DropDatabaseAsync(_servers, _id + "_reconsideration");
        await TestServers.DropDatabaseAsync(_servers, _id + "_reporting");
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }
}
