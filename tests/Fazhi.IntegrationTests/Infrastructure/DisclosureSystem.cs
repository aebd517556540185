using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>A <see cref="FazhiSystem"/> that hosts the disclosure service too, feeding the same reporting service.</summary>
public sealed class DisclosureSystem : FazhiSystem, IAsyncLifetime
{
    private ServiceHost? _disclosure;

    public ServiceHost Disclosure => _disclosure ?? throw new InvalidOperationException("The disclosure service is not started.");
    public string DisclosureDatabase => SystemId + "_disclosure";
    public string DisclosureConnectionString => TestServers.DatabaseConnectionString(Servers, DisclosureDatabase);

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _disclosure = await StartDisclosureAsync(null);
    }

    /// <summary>Stops the disclosure service and starts a new instance on the same database, with another holiday schedule.</summary>
    public async Task RestartDisclosureAsync(string? calendarPath)
    {
        await Disclosure.DisposeAsync();
        _disclosure = null;
        _disclosure = await StartDisclosureAsync(calendarPath);
    }

    private Task<ServiceHost> StartDisclosureAsync(string? calendarPath) => ServiceHost.StartAsync(
            builder => builder.AddDisclosureService(),
            app => app.MapDisclosureService(),
            host => host.MigrateAsync<DisclosureDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = DisclosureConnectionString,
                ["ConnectionStrings:RabbitMq"] = Amqp,
                ["Auth:DevSigningKey"] = SigningKey,
                ["Calendar:Path"] = calendarPath,
            });

    public new async Task DisposeAsync()
    {
        if (_disclosure is not null)
        {
            await _disclosure.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, DisclosureDatabase);
        }
        await base.DisposeAsync();
    }
}
