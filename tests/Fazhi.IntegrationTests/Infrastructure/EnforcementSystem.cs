using Fazhi.Enforcement.Extensions;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="FazhiSystem"/> that hosts the enforcement service too, feeding the same reporting service. Organisation
/// <see cref="StrictOrg"/> has its own grade thresholds (95/85/70), the others the defaults.
/// </summary>
public sealed class EnforcementSystem : FazhiSystem, IAsyncLifetime
{
    public const string StrictOrg = "410108";

    private ServiceHost? _enforcement;
    private EnforcementApi? _api;

    public ServiceHost Enforcement => _enforcement ?? throw new InvalidOperationException("The enforcement service is not started.");
    public string EnforcementDatabase => SystemId + "_enforcement";
    public string EnforcementConnectionString => TestServers.DatabaseConnectionString(Servers, EnforcementDatabase);

    /// <summary>The enforcement API as a reviewer whose scope (41) covers every org the tests use.</summary>
    public EnforcementApi Reviews => _api ??= new(Enforcement.Grpc(Token(FazhiRoles.EnforcementReviewer, "41")));

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _enforcement = await ServiceHost.StartAsync(
            builder => builder.AddEnforcementService(),
            app => app.MapEnforcementService(),
            host => host.MigrateAsync<EnforcementDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = EnforcementConnectionString,
                ["ConnectionStrings:RabbitMq"] = Amqp,
                ["Auth:DevSigningKey"] = SigningKey,
                [$"Enforcement:GradeThresholds:{StrictOrg}:Excellent"] = "95",
                [$"Enforcement:GradeThresholds:{StrictOrg}:Good"] = "85",
                [$"Enforcement:GradeThresholds:{StrictOrg}:Passed"] = "70",
            });
    }

    public new async Task DisposeAsync()
    {
        if (_enforcement is not null)
        {
            await _enforcement.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, EnforcementDatabase);
        }
        await base.DisposeAsync();
    }
}
