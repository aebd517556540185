using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Every disclosure route, tried with no token, a malformed, an expired and a wrong-signature token, other roles and a
/// neighbouring district's officer: 401 or 403 as due, and nothing written (requests, publications, outbox, audit).
/// </summary>
public sealed class DisclosureAuthorizationTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410105";

    private static object Publication() => new { requestId = Guid.NewGuid(), org = Org, publishedOn = "2024-03-01", category = "政策文件", title = "通知" };

    private static IEnumerable<(string Method, string Path, object? Body)> Routes(string id) =>
    [
        ("POST", "v1/disclosure/publications", Publication()),
        ("POST", "v1/disclosure/publications:batchCreate", new { requests = new[] { Publication(), Publication() } }),
        ("POST", "v1/disclosure/requests", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-03-01", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", subject = "x",
        }),
        ("POST", $"v1/disclosure/requests/{id}:request-clarification", new { on = "2024-03-04" }),
        ("POST", $"v1/disclosure/requests/{id}:clarified", new { on = "2024-03-05" }),
        ("POST", $"v1/disclosure/requests/{id}:extend", new { on = "2024-03-05", reason = "复杂" }),
        ("POST", $"v1/disclosure/requests/{id}:conclude", new { concludedOn = "2024-03-06", outcome = "OUTCOME_DISCLOSED" }),
        ("POST", $"v1/disclosure/requests/{id}:void", new { reason = "x" }),
        ("GET", $"v1/disclosure/requests/{id}", null),
        ("GET", $"v1/disclosure/requests?org={Org}", null),
        ("GET", $"v1/disclosure/requests/{id}/history", null),
    ];

    [Fact]
    public async Task Disclosure_routes_refuse_bad_tokens_wrong_roles_and_wrong_organisations_and_write_nothing()
    {
        var officer = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        using var created = await officer.PostAsJsonAsync("v1/disclosure/requests", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-03-01", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", subject = "x",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var before = await SnapshotAsync();

        var attempts = new List<(string Name, string? Token, HttpStatusCode Expected)>
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("malformed token", "not-a-jwt", HttpStatusCode.Unauthorized),
            ("expired token", FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3)), HttpStatusCode.Unauthorized),
            ("wrong signature", FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org, key: "another-signing-key-that-fazhi-does-not-trust"), HttpStatusCode.Unauthorized),
            ("reconsideration clerk", FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org), HttpStatusCode.Forbidden),
            ("litigation liaison", FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org), HttpStatusCode.Forbidden),
            ("statistics viewer", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), HttpStatusCode.Forbidden),
            ("neighbouring district's officer", FazhiSystem.Token(FazhiRoles.DisclosureOfficer, "410102"), HttpStatusCode.Forbidden),
        };

        var failures = new List<string>();
        foreach (var (name, token, expected) in attempts)
        {
            var http = system.Disclosure.Http(token);
            foreach (var route in Routes(id))
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
                if (route.Body is not null) request.Content = JsonContent.Create(route.Body);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != expected) failures.Add($"{name}: {route.Method} {route.Path} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }
        var republish = await officer.PostAsJsonAsync("v1/disclosure/admin:republish", new { });
        if (republish.StatusCode != HttpStatusCode.Forbidden) failures.Add($"officer republishing → {(int)republish.StatusCode}, expected 403");

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"v1/disclosure/requests/{id}")).StatusCode);
    }

    private sealed record Snapshot(long Requests, long Versions, long Publications, long OutboxRows, long AuditRows);

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var connection = new NpgsqlConnection(system.DisclosureConnectionString);
        await connection.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return new Snapshot(
            await Scalar("SELECT count(*) FROM requests"), await Scalar("SELECT coalesce(sum(version), 0)::bigint FROM requests"),
            await Scalar("SELECT count(*) FROM publications"), await Scalar("SELECT count(*) FROM outbox_messages"),
            await Scalar("SELECT count(*) FROM audit_entries"));
    }
}
