using System.Net;
using System.Net.Http.Json;
using Fazhi.Contracts.Enforcement;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Every enforcement route, tried with no token, a malformed, an expired and a wrong-signature token, other roles and a
/// neighbouring district's reviewer: 401 or 403 as due, and nothing written (records, outbox and audit trail unchanged).
/// </summary>
public sealed class EnforcementAuthorizationTests(EnforcementSystem system) : IClassFixture<EnforcementSystem>
{
    private const string Org = "410105";

    private static IEnumerable<(string Method, string Path, object? Body)> Routes(string departmentId, FileReview review, Campaign campaign) =>
    [
        ("POST", "v1/enforcement/departments", new { requestId = Guid.NewGuid(), org = Org, name = "金水区应急管理局" }),
        ("POST", $"v1/enforcement/departments/{departmentId}:rename", new { name = "金水区市场监管局" }),
        ("GET", $"v1/enforcement/departments?org={Org}", null),
        ("POST", "v1/enforcement/reviews", new
        {
            requestId = Guid.NewGuid(), org = Org, departmentId, fileType = "FILE_TYPE_LICENSING", fileNumber = "金许〔2024〕1号",
            reviewedOn = "2024-03-01", score = 90,
        }),
        ("POST", $"v1/enforcement/reviews/{review.Id}/problems/{review.Problems[0].ProblemId}:rectify", new { rectifiedOn = "2024-03-05" }),
        ("POST", $"v1/enforcement/reviews/{review.Id}:void", new { reason = "x" }),
        ("GET", $"v1/enforcement/reviews/{review.Id}", null),
        ("GET", $"v1/enforcement/reviews?org={Org}", null),
        ("GET", $"v1/enforcement/reviews/{review.Id}/history", null),
        ("POST", "v1/enforcement/campaigns", new { requestId = Guid.NewGuid(), org = Org, name = "x", startedOn = "2024-01-01", endsOn = "2024-12-31" }),
        ("POST", $"v1/enforcement/campaigns/{campaign.Id}/problems", new
        {
            requestId = Guid.NewGuid(), departmentId, category = "PROBLEM_CATEGORY_FILING", description = "x", foundOn = "2024-03-01", rectifyBy = "2024-04-01",
        }),
        ("POST", $"v1/enforcement/campaigns/{campaign.Id}/problems/{campaign.Problems[0].ProblemId}:rectify", new { rectifiedOn = "2024-03-05" }),
        ("POST", $"v1/enforcement/campaigns/{campaign.Id}:void", new { reason = "x" }),
        ("GET", $"v1/enforcement/campaigns/{campaign.Id}", null),
        ("GET", $"v1/enforcement/campaigns?org={Org}", null),
        ("GET", $"v1/enforcement/campaigns/{campaign.Id}/history", null),
    ];

    [Fact]
    public async Task Enforcement_routes_refuse_bad_tokens_wrong_roles_and_wrong_organisations_and_write_nothing()
    {
        var department = await system.Reviews.DepartmentAsync(Org, "金水区市场监督管理局");
        var request = EnforcementApi.NewReview(Org, department.Id, "2024-03-01", 86);
        request.Problems.Add(new NewReviewProblem { Category = ProblemCategory.Filing, Description = "卷内目录缺失", RectifyBy = "2024-04-01" });
        var review = await system.Reviews.Reviews.CreateReviewAsync(request);
        var campaign = await system.Reviews.CampaignAsync(Org, "2024-01-01", "2024-12-31");
        campaign = await system.Reviews.ProblemAsync(campaign.Id, department.Id, "2024-02-01", "2024-03-01");
        var before = await SnapshotAsync();

        var attempts = new List<(string Name, string? Token, HttpStatusCode Expected)>
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("malformed token", "not-a-jwt", HttpStatusCode.Unauthorized),
            ("expired token", FazhiSystem.Token(FazhiRoles.EnforcementReviewer, Org, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3)), HttpStatusCode.Unauthorized),
            ("wrong signature", FazhiSystem.Token(FazhiRoles.EnforcementReviewer, Org, key: "another-signing-key-that-fazhi-does-not-trust"), HttpStatusCode.Unauthorized),
            ("litigation liaison", FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org), HttpStatusCode.Forbidden),
            ("statistics viewer", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), HttpStatusCode.Forbidden),
            ("unknown role", FazhiSystem.Token("auditor", Org), HttpStatusCode.Forbidden),
            ("neighbouring district's reviewer", FazhiSystem.Token(FazhiRoles.EnforcementReviewer, "410102"), HttpStatusCode.Forbidden),
        };

        var failures = new List<string>();
        foreach (var (name, token, expected) in attempts)
        {
            var http = system.Enforcement.Http(token);
            foreach (var route in Routes(department.Id, review, campaign))
            {
                using var message = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (route.Body is not null) message.Content = JsonContent.Create(route.Body);
                using var response = await http.SendAsync(message);
                if (response.StatusCode != expected) failures.Add($"{name}: {route.Method} {route.Path} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        var republish = await system.Enforcement.Http(FazhiSystem.Token(FazhiRoles.EnforcementReviewer, "41")).PostAsJsonAsync("v1/enforcement/admin:republish", new { });
        if (republish.StatusCode != HttpStatusCode.Forbidden) failures.Add($"reviewer republishing → {(int)republish.StatusCode}, expected 403");

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());

        // The district's own reviewer may do what the others may not.
        var own = system.Enforcement.Http(FazhiSystem.Token(FazhiRoles.EnforcementReviewer, Org));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"v1/enforcement/reviews/{review.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"v1/enforcement/departments?org={Org}")).StatusCode);
    }

    private sealed record Snapshot(long Reviews, long Campaigns, long Departments, long OutboxRows, long AuditRows, string Versions);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(system.EnforcementConnectionString);
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        await using var versions = new NpgsqlCommand(
            "SELECT string_agg(v, ',' ORDER BY v) FROM (SELECT id::text || ':' || version || ':' || name AS v FROM departments " +
            "UNION ALL SELECT id::text || ':' || version FROM reviews UNION ALL SELECT id::text || ':' || version FROM campaigns) x", connection);
        return new Snapshot(await Count("reviews"), await Count("campaigns"), await Count("departments"), await Count("outbox_messages"),
            await Count("audit_entries"), (string)(await versions.ExecuteScalarAsync())!);
    }
}
