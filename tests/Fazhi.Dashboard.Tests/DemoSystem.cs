using Fazhi.Contracts.Disclosure;
using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.Enforcement.Extensions;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;

namespace Fazhi.Dashboard.Tests;

/// <summary>All five services on one reporting service, so the dashboard has something in every section.</summary>
public sealed class DemoSystem : FazhiSystem, IAsyncLifetime
{
    private ServiceHost? _enforcement;
    private ServiceHost? _disclosure;
    private EnforcementApi? _reviews;
    private Fazhi.Contracts.Disclosure.Disclosure.DisclosureClient? _requests;

    protected override bool HostsLitigation => true;

    public EnforcementApi Reviews => _reviews ??= new(_enforcement!.Grpc(Token(FazhiRoles.EnforcementReviewer, "41")));

    public Fazhi.Contracts.Disclosure.Disclosure.DisclosureClient Requests =>
        _requests ??= new(_disclosure!.Grpc(Token(FazhiRoles.DisclosureOfficer, "41")));

    private string EnforcementDatabase => SystemId + "_enforcement";
    private string DisclosureDatabase => SystemId + "_disclosure";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _enforcement = await ServiceHost.StartAsync(
            builder => builder.AddEnforcementService(),
            app => app.MapEnforcementService(),
            host => host.MigrateAsync<EnforcementDbContext>(),
            Settings(EnforcementDatabase));
        _disclosure = await ServiceHost.StartAsync(
            builder => builder.AddDisclosureService(),
            app => app.MapDisclosureService(),
            host => host.MigrateAsync<DisclosureDbContext>(),
            Settings(DisclosureDatabase));
    }

    private Dictionary<string, string?> Settings(string database) => new()
    {
        ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(Servers, database),
        ["ConnectionStrings:RabbitMq"] = Amqp,
        ["Auth:DevSigningKey"] = SigningKey,
    };

    public new async Task DisposeAsync()
    {
        if (_enforcement is not null) await _enforcement.DisposeAsync();
        if (_disclosure is not null) await _disclosure.DisposeAsync();
        await TestServers.DropDatabaseAsync(Servers, EnforcementDatabase);
        await TestServers.DropDatabaseAsync(Servers, DisclosureDatabase);
        await base.DisposeAsync();
    }
}
