using System.Net.Http.Json;
using Fazhi.Contracts.Litigation;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.Enforcement.Extensions;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.FaultRunner;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Xunit;

namespace Fazhi.IntegrationTests.FaultRunner;

/// <summary>
/// All five services on one test class's databases and virtual host, with a small workload logged through the public
/// APIs of the four domain services in two districts of one city, and the fault runner's view of it
/// (<see cref="Under"/>).
/// </summary>
public sealed class FaultRunnerSystem : FazhiSystem, IAsyncLifetime
{
    public const string City = "4101";
    public static readonly string[] Districts = ["410102", "410103"];
    public static readonly string[] Orgs = [.. Districts, City];
    public static readonly int[] Years = [2023, 2024];

    private ServiceHost? _enforcement;
    private ServiceHost? _disclosure;

    protected override bool HostsLitigation => true;

    public ServiceHost Enforcement => _enforcement ?? throw new InvalidOperationException("The enforcement service is not started.");
    public ServiceHost Disclosure => _disclosure ?? throw new InvalidOperationException("The disclosure service is not started.");
    public string EnforcementDatabase => SystemId + "_enforcement";
    public string DisclosureDatabase => SystemId + "_disclosure";

    /// <summary>The system as the fault runner sees it: databases, broker, management API, REST addresses, signing key.</summary>
    public SystemUnderTest Under { get; private set; } = null!;

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
        Under = new SystemUnderTest(
            Servers.Postgres,
            new Dictionary<string, string>
            {
                [Services.Reconsideration] = ReconsiderationConnectionString,
                [Services.Litigation] = LitigationConnectionString,
                [Services.Enforcement] = TestServers.DatabaseConnectionString(Servers, EnforcementDatabase),
                [Services.Disclosure] = TestServers.DatabaseConnectionString(Servers, DisclosureDatabase),
                [Services.Reporting] = ReportingConnectionString,
            },
            new Uri(Amqp),
            new Uri(Servers.RabbitMqManagement),
            SystemId,
            new Dictionary<string, Uri>
            {
                [Services.Reconsideration] = Reconsideration.Http(null).BaseAddress!,
                [Services.Litigation] = Litigation.Http(null).BaseAddress!,
                [Services.Enforcement] = Enforcement.Http(null).BaseAddress!,
                [Services.Disclosure] = Disclosure.Http(null).BaseAddress!,
                [Services.Reporting] = Reporting.Http(null).BaseAddress!,
            },
            SigningKey);
        foreach (var org in Districts) await LogWorkloadAsync(org);
    }

    private Dictionary<string, string?> Settings(string database) => new()
    {
        ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(Servers, database),
        ["ConnectionStrings:RabbitMq"] = Amqp,
        ["Auth:DevSigningKey"] = SigningKey,
    };

    /// <summary>Some of everything each domain service counts, through its public API.</summary>
    private async Task LogWorkloadAsync(string org)
    {
        // 复议: one only received, one accepted, one decided, one rejected, one from the year before still pending.
        await Cases.ReceiveAsync(org, "2024-05-06");
        var accepted = await Cases.ReceiveAsync(org, "2024-03-01");
        await Cases.AcceptAsync(accepted.Id, "2024-03-04");
        await Cases.DecidedCaseAsync(org, "2024-02-01", "2024-02-02", "2024-03-20", Decision.Revoke);
        var rejected = await Cases.ReceiveAsync(org, "2024-04-08");
        await Cases.RejectAsync(rejected.Id, "2024-04-09");
        var old = await Cases.ReceiveAsync(org, "2023-11-20");
        await Cases.AcceptAsync(old.Id, "2023-11-21");

        // 应诉: one open with a notice and an appearance, one judged.
        var lawsuit = await Lawsuits.FileAsync(org, "2024-03-11");
        var notice = await Lawsuits.NoticeAsync(lawsuit.Id, "2024-04-01", "2024-04-15");
        await Lawsuits.AppearAsync(lawsuit.Id, notice.NoticeId, Appearance.Principal, spoke: true);
        var judged = await Lawsuits.FileAsync(org, "2024-01-15");
        await Lawsuits.JudgeAsync(judged.Id, "2024-06-20", Judgment.Won);

        // 评查 and 专项整治: a department, two reviews, a campaign with a problem.
        var reviews = new EnforcementApi(Enforcement.Grpc(Token(FazhiRoles.EnforcementReviewer, "41")));
        var department = await reviews.DepartmentAsync(org);
        await reviews.ReviewAsync(org, department.Id, "2024-04-10", 92);
        await reviews.ReviewAsync(org, department.Id, "2024-05-10", 65);
        var campaign = await reviews.CampaignAsync(org, "2024-03-01", "2024-09-30");
        await reviews.ProblemAsync(campaign.Id, department.Id, "2024-04-02", "2024-05-02");

        // 政府信息公开: two requests (one concluded), a day's publications, table 二 of the year.
        var officer = Disclosure.Http(Token(FazhiRoles.DisclosureOfficer, "41"));
        for (var i = 0; i < 2; i++)
        {
            using var created = await officer.PostAsJsonAsync("v1/disclosure/requests", new
            {
                requestId = Guid.NewGuid(), org, receivedOn = $"2024-04-0{i + 1}", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", subject = "请求公开",
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
            if (i == 0)
            {
                using var concluded = await officer.PostAsJsonAsync($"v1/disclosure/requests/{id}:conclude", new { concludedOn = "2024-04-20", outcome = "OUTCOME_DISCLOSED" });
                concluded.EnsureSuccessStatusCode();
            }
        }
        var items = Enumerable.Range(0, 3).Select(i => new
        {
            requestId = Guid.NewGuid(), org, publishedOn = "2024-03-05", category = "政策文件", title = $"通知 {org}-{i}",
        });
        using (var published = await officer.PostAsJsonAsync("v1/disclosure/publications:batchCreate", new { requests = items }))
        {
            published.EnsureSuccessStatusCode();
        }
        using var statistics = await officer.PutAsJsonAsync($"v1/disclosure/statistics/{org}/2024", new
        {
            rulesIssued = 2, rulesRepealed = 1, rulesInForce = 12, normativeDocumentsIssued = 5, normativeDocumentsRepealed = 3,
            normativeDocumentsInForce = 40, licensingDecisions = 3120, penaltyDecisions = 1480, compulsionDecisions = 7, feesWanYuan = "0.35",
        });
        statistics.EnsureSuccessStatusCode();
    }

    public new async Task DisposeAsync()
    {
        if (_enforcement is not null)
        {
            await _enforcement.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, EnforcementDatabase);
        }
        if (_disclosure is not null)
        {
            await _disclosure.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, DisclosureDatabase);
        }
        await base.DisposeAsync();
    }

    private sealed record Created(string Id);
}
