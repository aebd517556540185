using System.Net;
using System.Net.Http.Json;
using Fazhi.Contracts.Litigation;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Every litigation route, tried with no token, a malformed, an expired and a wrong-signature token, other roles and a
/// neighbouring district's liaison: 401 or 403 as due, and nothing written (case, outbox and audit trail unchanged).
/// </summary>
public sealed class LitigationAuthorizationTests(LitigationSystem system) : IClassFixture<LitigationSystem>
{
    private const string Org = "410105";

    private static IEnumerable<(string Method, string Path, object? Body)> Routes(string id, string noticeId) =>
    [
        ("POST", "v1/litigation/cases", new
        {
            requestId = Guid.NewGuid(), org = Org, court = "金水区人民法院", caseNumber = "(2024)豫0105行初999号", instance = "INSTANCE_FIRST",
            filedOn = "2024-03-01", category = "ACT_CATEGORY_OTHER", afterReconsideration = false, defendant = "区政府",
        }),
        ("POST", $"v1/litigation/cases/{id}/notices", new { requestId = Guid.NewGuid(), noticeOn = "2024-03-05", hearingOn = "2024-03-15" }),
        ("POST", $"v1/litigation/cases/{id}/notices/{noticeId}:record-appearance", new { appearance = "APPEARANCE_PRINCIPAL", spoke = true }),
        ("POST", $"v1/litigation/cases/{id}:record-judgment", new { judgedOn = "2024-04-01", judgment = "JUDGMENT_WON" }),
        ("POST", $"v1/litigation/cases/{id}:correct", new { reason = "x", defendant = "区人民政府" }),
        ("POST", $"v1/litigation/cases/{id}:void", new { reason = "x" }),
        ("GET", $"v1/litigation/cases/{id}", null),
        ("GET", $"v1/litigation/cases?org={Org}", null),
        ("GET", $"v1/litigation/cases/{id}/history", null),
    ];

    [Fact]
    public async Task Litigation_routes_refuse_bad_tokens_wrong_roles_and_wrong_organisations_and_write_nothing()
    {
        var created = await system.Lawsuits.FileAsync(Org, "2024-03-01");
        var notice = await system.Lawsuits.NoticeAsync(created.Id, "2024-03-02", "2024-03-12");
        var before = await SnapshotAsync(created.Id);

        var attempts = new List<(string Name, string? Token, HttpStatusCode Expected)>
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("malformed token", "not-a-jwt", HttpStatusCode.Unauthorized),
            ("expired token", FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3)), HttpStatusCode.Unauthorized),
            ("wrong signature", FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org, key: "another-signing-key-that-fazhi-does-not-trust"), HttpStatusCode.Unauthorized),
            ("reconsideration clerk", FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org), HttpStatusCode.Forbidden),
            ("statistics viewer", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), HttpStatusCode.Forbidden),
            ("unknown role", FazhiSystem.Token("auditor", Org), HttpStatusCode.Forbidden),
            ("neighbouring district's liaison", FazhiSystem.Token(FazhiRoles.LitigationLiaison, "410102"), HttpStatusCode.Forbidden),
        };

        var failures = new List<string>();
        foreach (var (name, token, expected) in attempts)
        {
            var http = system.Litigation.Http(token);
            foreach (var route in Routes(created.Id, notice.NoticeId))
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (route.Body is not null) request.Content = JsonContent.Create(route.Body);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != expected) failures.Add($"{name}: {route.Method} {route.Path} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        var republish = await system.Litigation.Http(FazhiSystem.Token(FazhiRoles.LitigationLiaison, "41")).PostAsJsonAsync("v1/litigation/admin:republish", new { });
        if (republish.StatusCode != HttpStatusCode.Forbidden) failures.Add($"liaison republishing → {(int)republish.StatusCode}, expected 403");

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(created.Id));

        // The district's own liaison may do what the others may not.
        var own = system.Litigation.Http(FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"v1/litigation/cases/{created.Id}")).StatusCode);
    }

    private sealed record Snapshot(string Case, long OutboxRows, long AuditRows);

    private async Task<Snapshot> SnapshotAsync(string id)
    {
        var current = await system.Lawsuits.Client.GetCaseAsync(new GetCaseRequest { Id = id });
        await using var connection = new NpgsqlConnection(system.LitigationConnectionString);
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        return new Snapshot(current.ToString(), await Count("outbox_messages"), await Count("audit_entries"));
    }
}
