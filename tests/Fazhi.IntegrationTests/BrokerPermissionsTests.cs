using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Issue 16: only the domain services can publish to their exchanges. The users and permissions k8s/rabbitmq/users.sh
/// creates (the same script compose and infra-up.sh run), on a virtual host of the test's own: reconsideration and
/// reporting run on them end to end with MassTransit 8.5 (declaring, binding, consuming, dead-lettering, faulting),
/// the reconsideration user can publish its events, and the reporting user (or reconsideration, to another service's
/// exchange) is refused with ACCESS_REFUSED.
/// </summary>
public sealed class BrokerPermissionsTests : IAsyncLifetime
{
    private readonly string _id = "fzperm_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Dictionary<string, string> _passwords = new()
    {
        ["reconsideration"] = Guid.NewGuid().ToString("N"),
        ["litigation"] = Guid.NewGuid().ToString("N"),
        ["enforcement"] = Guid.NewGuid().ToString("N"),
        ["disclosure"] = Guid.NewGuid().ToString("N"),
        ["reporting"] = Guid.NewGuid().ToString("N"),
    };
    private TestServers.Endpoints _servers = null!;
    private ServiceHost? _reporting;
    private ServiceHost? _reconsideration;

    private const string ReconsiderationExchange = "Fazhi.Contracts.IntegrationEvents:CaseChanges--ReconsiderationCaseChanged--";
    private const string LitigationExchange = "Fazhi.Contracts.IntegrationEvents:CaseChanges--LitigationCaseChanged--";

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        await TestServers.CreateVirtualHostAsync(_servers, _id);
        await RunUsersScriptAsync();
    }

    public async Task DisposeAsync()
    {
        if (_reconsideration is not null) await _reconsideration.DisposeAsync();
        if (_reporting is not null) await _reporting.DisposeAsync();
        await TestServers.DropDatabaseAsync(_servers, _id + "_reconsideration");
        await TestServers.DropDatabaseAsync(_servers, _id + "_reporting");
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
        using var http = Management();
        foreach (var service in _passwords.Keys) await http.DeleteAsync($"api/users/{User(service)}");
    }

    [Fact]
    public async Task Each_service_runs_on_its_own_user_and_only_a_domain_service_can_publish_its_events()
    {
        _reporting = await ServiceHost.StartAsync(
            builder => builder.AddReportingService(), app => app.MapReportingService(), host => host.MigrateAsync<ReportingDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(_servers, _id + "_reporting"),
                ["ConnectionStrings:RabbitMq"] = Amqp("reporting").ToString(),
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
            });
        _reconsideration = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(), app => app.MapReconsiderationService(), host => host.MigrateAsync<ReconsiderationDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(_servers, _id + "_reconsideration"),
                ["ConnectionStrings:RabbitMq"] = Amqp("reconsideration").ToString(),
                ["Outbox:RelayEnabled"] = "true",
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
            });

        // End to end on the restricted users: the relay publishes, reporting declares, binds, consumes and applies.
        var cases = new ReconsiderationApi(_reconsideration.Grpc(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41")));
        var reports = new ReportingApi(_reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "41")));
        await cases.DecidedCaseAsync("410186", "2024-03-01", "2024-03-04", "2024-04-01", Decision.Revoke);
        var ytd = await reports.WaitForAsync("410186", 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);
        Assert.Equal(1, ytd.Metrics["reconsideration.decided"]);

        // A hostile event published with the domain's own user: reporting may dead-letter it (its _error queue, a
        // Fault) under its permissions, and goes on consuming.
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(Amqp("reconsideration")));
        await bus.StartAsync();
        try
        {
            await bus.Publish(new CaseChanges<ReconsiderationCaseChanged>
            {
                Events = [new RelayedEvent<ReconsiderationCaseChanged>(Guid.NewGuid(), null, new ReconsiderationCaseChanged
                {
                    CaseId = Guid.NewGuid(), Version = 1, Org = "410186", Status = "CASE_STATUS_RECEIVED", ReceivedOn = new(9999, 12, 31),
                    ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON", Category = "ACT_CATEGORY_OTHER", ChangedAt = DateTimeOffset.UtcNow,
                })],
            });
        }
        finally
        {
            await bus.StopAsync();
        }
        using var rabbit = new RabbitManagement(_servers, Amqp("guest").ToString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while ((!(await rabbit.QueueNamesAsync()).Contains("reporting-reconsideration-case-changes_error")
                || await rabbit.PeekCountAsync("reporting-reconsideration-case-changes_error") < 1) && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(1, await rabbit.PeekCountAsync("reporting-reconsideration-case-changes_error"));
        await cases.DecidedCaseAsync("410186", "2024-05-06", "2024-05-08", "2024-06-03", Decision.Maintain);
        ytd = await reports.WaitForAsync("410186", 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 2);
        Assert.Equal(2, ytd.Metrics["reconsideration.decided"]);

        // Straight AMQP: the domain user publishes to its exchange; reporting to it, or the domain to another's, is refused.
        await PublishAsync("reconsideration", ReconsiderationExchange);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync("reporting", ReconsiderationExchange));
        AssertAccessRefused(refused);
        await DeclareAsGuestAsync(LitigationExchange);
        AssertAccessRefused(await Assert.ThrowsAnyAsync<Exception>(() => PublishAsync("reconsideration", LitigationExchange)));
        // Nor can a domain service read reporting's queue.
        AssertAccessRefused(await Assert.ThrowsAnyAsync<Exception>(() => GetAsync("reconsideration", "reporting-reconsideration-case-changes")));
    }

    private static void AssertAccessRefused(Exception refused)
    {
        var reason = refused switch
        {
            // AlreadyClosedException (the channel closed by the broker's refusal) is one of these.
            OperationInterruptedException interrupted => interrupted.ShutdownReason,
            _ => null,
        };
        Assert.True(reason is { ReplyCode: 403 }, $"expected ACCESS_REFUSED, got {refused.GetType().Name}: {refused.Message}");
        Assert.Contains("ACCESS_REFUSED", reason!.ReplyText, StringComparison.Ordinal);
    }

    private async Task PublishAsync(string service, string exchange)
    {
        await using var connection = await new ConnectionFactory { Uri = Amqp(service) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        // Not a MassTransit envelope: reporting dead-letters it, which is fine here; what matters is the broker's answer.
        await channel.BasicPublishAsync(exchange, "", mandatory: false, new BasicProperties(), "{}"u8.ToArray());
    }

    private async Task GetAsync(string service, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = Amqp(service) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.BasicGetAsync(queue, autoAck: false);
    }

    private async Task DeclareAsGuestAsync(string exchange)
    {
        await using var connection = await new ConnectionFactory { Uri = Amqp("guest") }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
    }

    private string User(string service) => $"{_id}-{service}";

    private Uri Amqp(string service)
    {
        var builder = new UriBuilder(_servers.RabbitMq) { Path = "/" + _id };
        if (service != "guest") (builder.UserName, builder.Password) = (User(service), _passwords[service]);
        return builder.Uri;
    }

    private async Task RunUsersScriptAsync()
    {
        var management = new Uri(_servers.RabbitMqManagement);
        var admin = Uri.UnescapeDataString(management.UserInfo).Split(':', 2);
        var start = new ProcessStartInfo("sh", Path.Combine(RepositoryRoot(), "k8s", "rabbitmq", "users.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RABBITMQ_API"] = new UriBuilder(management) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');
        start.Environment["RABBITMQ_ADMIN_USER"] = admin[0];
        start.Environment["RABBITMQ_ADMIN_PASSWORD"] = admin.Length > 1 ? admin[1] : "";
        start.Environment["FAZHI_RABBITMQ_VHOST"] = _id;
        start.Environment["FAZHI_RABBITMQ_USER_PREFIX"] = _id + "-";
        foreach (var (service, password) in _passwords) start.Environment[$"FAZHI_RABBITMQ_PASSWORD_{service.ToUpperInvariant()}"] = password;
        using var script = Process.Start(start)!;
        var output = await script.StandardOutput.ReadToEndAsync() + await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, output);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fazhi.sln"))) return dir.FullName;
        throw new InvalidOperationException("Fazhi.sln not found above " + AppContext.BaseDirectory);
    }

    private HttpClient Management()
    {
        var uri = new Uri(_servers.RabbitMqManagement);
        var http = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "" }.Uri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        return http;
    }
}
