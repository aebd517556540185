using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Every route, tried with no token, a malformed, an expired and a wrong-signature token, a wrong role and a wrong
/// organisation: 401 or 403 as due, and nothing written (the case, its outbox rows and its audit trail unchanged).
/// </summary>
public sealed class AuthorizationMatrixTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410105";

    private static readonly (string Name, string? Token, HttpStatusCode Expected)[] BadTokens =
    [
        ("no token", null, HttpStatusCode.Unauthorized),
        ("malformed token", "not-a-jwt", HttpStatusCode.Unauthorized),
        ("expired token", FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3)), HttpStatusCode.Unauthorized),
        ("wrong signature", FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org, key: "another-signing-key-that-fazhi-does-not-trust"), HttpStatusCode.Unauthorized),
    ];

    private static IEnumerable<(string Method, string Path, object? Body)> ReconsiderationRoutes(string id) =>
    [
        ("POST", "v1/reconsideration/cases", new { requestId = Guid.NewGuid(), org = Org, receivedOn = "2024-03-01", applicantType = "APPLICANT_TYPE_NATURAL_PERSON", category = "ACT_CATEGORY_OTHER", respondent = "区政府" }),
        ("POST", $"v1/reconsideration/cases/{id}:accept", new { acceptedOn = "2024-03-04", procedure = "PROCEDURE_ORDINARY" }),
        ("POST", $"v1/reconsideration/cases/{id}:reject", new { rejectedOn = "2024-03-04", reason = "x" }),
        ("POST", $"v1/reconsideration/cases/{id}:hear", new { heldOn = "2024-03-10" }),
        ("POST", $"v1/reconsideration/cases/{id}:extend", new { extendedOn = "2024-03-08", days = 10, reason = "x" }),
        ("POST", $"v1/reconsideration/cases/{id}:request-materials", new { requestedOn = "2024-03-04", dueOn = "2024-03-14" }),
        ("POST", $"v1/reconsideration/cases/{id}:materials-received", new { receivedOn = "2024-03-06" }),
        ("POST", $"v1/reconsideration/cases/{id}:withdraw", new { withdrawnOn = "2024-03-20", reason = "x" }),
        ("POST", $"v1/reconsideration/cases/{id}:suspend", new { suspendedOn = "2024-03-10", reason = "x" }),
        ("POST", $"v1/reconsideration/cases/{id}:resume", new { resumedOn = "2024-03-12" }),
        ("POST", $"v1/reconsideration/cases/{id}:decide", new { decidedOn = "2024-03-20", decision = "DECISION_MAINTAIN" }),
        ("POST", $"v1/reconsideration/cases/{id}:correct", new { receivedOn = "2024-02-28", reason = "x" }),
        ("POST", $"v1/reconsideration/cases/{id}:void", new { reason = "x" }),
        ("GET", $"v1/reconsideration/cases/{id}", null),
        ("GET", $"v1/reconsideration/cases?org={Org}", null),
        ("GET", $"v1/reconsideration/cases/{id}/history", null),
    ];

    [Fact]
    public async Task Reconsideration_routes_refuse_bad_tokens_wrong_roles_and_wrong_organisations_and_write_nothing()
    {
        var created = await system.Cases.ReceiveAsync(Org, "2024-03-01");
        await system.Cases.AcceptAsync(created.Id, "2024-03-04");
        var before = await SnapshotAsync(created.Id);

        var attempts = BadTokens.ToList();
        attempts.Add(("wrong role", FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org), HttpStatusCode.Forbidden));
        attempts.Add(("statistics viewer", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), HttpStatusCode.Forbidden));
        attempts.Add(("unknown role", FazhiSystem.Token("auditor", Org), HttpStatusCode.Forbidden));

        var failures = new List<string>();
        foreach (var (name, token, expected) in attempts)
        {
            var http = system.Reconsideration.Http(token);
            foreach (var route in ReconsiderationRoutes(created.Id))
            {
                var status = await SendAsync(http, route);
                if (status != expected) failures.Add($"{name}: {route.Method} {route.Path} → {(int)status}, expected {(int)expected}");
            }
        }

        // Right role, wrong organisation: a clerk of a neighbouring district. Listing its own org is allowed, so only
        // the listing of 410105 is tried.
        var neighbour = system.Reconsideration.Http(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410102"));
        foreach (var route in ReconsiderationRoutes(created.Id))
        {
            var status = await SendAsync(neighbour, route);
            if (status != HttpStatusCode.Forbidden) failures.Add($"wrong organisation: {route.Method} {route.Path} → {(int)status}, expected 403");
        }

        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(created.Id));
        Assert.Equal(before.CasesInOrg, (await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = Org })).Cases.Count);
    }

    [Fact]
    public async Task Reporting_route_refuses_bad_tokens_unknown_roles_and_orgs_outside_the_scope()
    {
        const string ytd = "v1/reports/{0}/years/2024:ytd?asOf=2024-06-30";
        var failures = new List<string>();
        async Task Expect(string name, string? token, string org, HttpStatusCode expected)
        {
            var response = await system.Reporting.Http(token).GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, ytd, org));
            if (response.StatusCode != expected) failures.Add($"{name} reading {org}: {(int)response.StatusCode}, expected {(int)expected}");
        }

        foreach (var (name, token, expected) in BadTokens) await Expect(name, token, Org, expected);
        await Expect("unknown role", FazhiSystem.Token("auditor", Org), Org, HttpStatusCode.Forbidden);
        await Expect("viewer of another district", FazhiSystem.Token(FazhiRoles.StatisticsViewer, "410102"), Org, HttpStatusCode.Forbidden);
        await Expect("district viewer reading its city", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), "4101", HttpStatusCode.Forbidden);
        await Expect("city viewer reading another city", FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101"), "4102", HttpStatusCode.Forbidden);
        await Expect("city viewer reading its city", FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101"), "4101", HttpStatusCode.OK);
        await Expect("city viewer reading a district", FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101"), Org, HttpStatusCode.OK);
        await Expect("district clerk reading its district", FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org), Org, HttpStatusCode.OK);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Grpc_calls_get_unauthenticated_and_permission_denied()
    {
        var anonymous = new ReconsiderationCases.ReconsiderationCasesClient(system.Reconsideration.Grpc(null));
        var noToken = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, noToken.StatusCode);

        var neighbour = new ReconsiderationCases.ReconsiderationCasesClient(
            system.Reconsideration.Grpc(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410102")));
        var create = new CreateCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Org = Org, ReceivedOn = "2024-03-01",
            ApplicantType = Fazhi.Contracts.Common.ApplicantType.NaturalPerson, Category = Fazhi.Contracts.Common.ActCategory.Other, Respondent = "区政府",
        };
        var denied = await Assert.ThrowsAsync<RpcException>(() => neighbour.CreateCaseAsync(create).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var wrongRole = new ReconsiderationCases.ReconsiderationCasesClient(
            system.Reconsideration.Grpc(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org)));
        var roleDenied = await Assert.ThrowsAsync<RpcException>(() => wrongRole.CreateCaseAsync(create).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, roleDenied.StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, (string Method, string Path, object? Body) route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        if (route.Body is not null) request.Content = JsonContent.Create(route.Body);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private sealed record Snapshot(string Case, long OutboxRows, long AuditRows, int CasesInOrg);

    private async Task<Snapshot> SnapshotAsync(string id)
    {
        var current = await system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = id });
        await using var connection = new NpgsqlConnection(system.ReconsiderationConnectionString);
        await connection.OpenAsync();
        async Task<long> Count(string table)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }
        var list = await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = Org });
        return new Snapshot(JsonSerializer.Serialize(current.ToString()), await Count("outbox_messages"), await Count("audit_entries"), list.Cases.Count);
    }
}
