using System.Diagnostics;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.IntegrationTests;

/// <summary>
/// The whole broker silent for both services (every connection of theirs goes through one proxy) while cases are
/// written: nothing is lost or dead-lettered, and every event reaches the figures soon after the broker answers again.
/// </summary>
public sealed class BrokerOutageEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Org = "410188";
    private const string AsOf = "2024-12-31";
    private readonly string _id = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;
    private string _amqp = "";

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
    }

    public async Task DisposeAsync()
    {
        await TestServers.DropDatabaseAsync(_servers, _id + "_reconsideration");
        await TestServers.DropDatabaseAsync(_servers, _id + "_reporting");
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }

    [Fact]
    public async Task Events_written_while_the_broker_is_silent_all_arrive_soon_after_it_returns()
    {
        var clock = Stopwatch.StartNew();
        var amqp = new Uri(_amqp);
        await using var proxy = new ChaosProxy(amqp.Host, amqp.IsDefaultPort ? 5672 : amqp.Port);
        var viaProxy = new UriBuilder(amqp) { Port = proxy.Port }.Uri.ToString();
        await using var reporting = await ServiceHost.StartAsync(
            builder => builder.AddReportingService(), app => app.MapReportingService(), host => host.MigrateAsync<ReportingDbContext>(),
            Settings(_id + "_reporting", viaProxy));
        await using var reconsideration = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(), app => app.MapReconsiderationService(), host => host.MigrateAsync<ReconsiderationDbContext>(),
            Settings(_id + "_reconsideration", viaProxy));
        var cases = new ReconsiderationApi(reconsideration.Grpc(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41")));
        var reports = new ReportingApi(reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "41")));

        output.WriteLine($"services started at {clock.Elapsed.TotalSeconds:0.0} s");
        await cases.ReceiveAsync(Org, "2024-06-03");
        await reports.WaitForAsync(Org, 2024, AsOf, y => y.Metrics["reconsideration.received"] == 1);
        output.WriteLine($"first event delivered at {clock.Elapsed.TotalSeconds:0.0} s");

        proxy.Blackhole();
        const int written = 10;
        for (var i = 0; i < written; i++) await cases.ReceiveAsync(Org, "2024-06-04");
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.Equal(1, (await reports.YtdAsync(Org, 2024, AsOf)).Metrics["reconsideration.received"]);

        proxy.Heal();
        var healed = Stopwatch.StartNew();
        var ytd = await reports.WaitForAsync(Org, 2024, AsOf, y => y.Metrics["reconsideration.received"] == 1 + written, TimeSpan.FromSeconds(40));
        output.WriteLine($"every event in the figures {healed.Elapsed.TotalMilliseconds:0} ms after the broker answered again");
        Assert.Equal(1 + written, ytd.Metrics["reconsideration.received"]);
        Assert.True(healed.Elapsed < TimeSpan.FromSeconds(12), $"delivery resumed {healed.Elapsed} after the broker's return");

        output.WriteLine($"checked at {clock.Elapsed.TotalSeconds:0.0} s");
        using var rabbit = new RabbitManagement(_servers, _amqp);
        foreach (var errorQueue in (await rabbit.QueueNamesAsync()).Where(q => q.EndsWith("_error", StringComparison.Ordinal)))
            Assert.Equal(0, await rabbit.PeekCountAsync(errorQueue));
    }

    private Dictionary<string, string?> Settings(string database, string rabbit) => new()
    {
        ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(_servers, database),
        ["ConnectionStrings:RabbitMq"] = rabbit,
        ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
    };
}
