using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>Bad input, illegal moves and retries at the public API: the right status, and nothing written.</summary>
public sealed class ApiRulesTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Bad_input_is_400_naming_every_bad_field()
    {
        var response = await system.CasesHttp.PostAsJsonAsync("v1/reconsideration/cases", new
        {
            org = "41",
            receivedOn = "2024-02-30",
            applicantType = "APPLICANT_TYPE_NATURAL_PERSON",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.InvalidArgument, body.GetProperty("code").GetInt32());
        var badRequest = body.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest");
        var fields = badRequest.GetProperty("fieldViolations").EnumerateArray()
            .Select(v => v.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "requestId", "org", "receivedOn", "category", "respondent" }, fields);
    }

    [Fact]
    public async Task Unknown_enum_name_is_400()
    {
        var response = await system.CasesHttp.PostAsJsonAsync("v1/reconsideration/cases",
            new { requestId = Guid.NewGuid(), org = "410105", receivedOn = "2024-01-02", applicantType = "APPLICANT_TYPE_ROBOT" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Illegal_moves_are_failed_precondition_and_change_nothing()
    {
        var created = await system.Cases.ReceiveAsync("410105", "2024-05-06");

        // Within the review period (it ends 5/13) a case must be accepted before it is decided.
        var decideFirst = await Assert.ThrowsAsync<RpcException>(() => system.Cases.DecideAsync(created.Id, "2024-05-10", Decision.Maintain));
        Assert.Equal(StatusCode.FailedPrecondition, decideFirst.StatusCode);

        var future = await Assert.ThrowsAsync<RpcException>(() => system.Cases.AcceptAsync(created.Id, "2099-01-01"));
        Assert.Equal(StatusCode.FailedPrecondition, future.StatusCode);

        await system.Cases.AcceptAsync(created.Id, "2024-05-08");
        var again = await Assert.ThrowsAsync<RpcException>(() => system.Cases.AcceptAsync(created.Id, "2024-05-09"));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already accepted", again.Status.Detail);

        var beforeAcceptance = await Assert.ThrowsAsync<RpcException>(() => system.Cases.DecideAsync(created.Id, "2024-05-07", Decision.Maintain));
        Assert.Equal(StatusCode.FailedPrecondition, beforeAcceptance.StatusCode);

        var unknownDecision = await system.CasesHttp.PostAsJsonAsync(
            $"v1/reconsideration/cases/{created.Id}:decide", new { decidedOn = "2024-06-01", decision = "DECISION_UNSPECIFIED" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownDecision.StatusCode);

        var current = await system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = created.Id });
        Assert.Equal(2, current.Version);
        Assert.Equal(CaseStatus.Accepted, current.Status);
        Assert.Equal("2024-05-08", current.AcceptedOn);

        // Only the two accepted changes reached the outbox.
        Assert.Equal(2, await system.OutboxRowsAsync(created.Id));
    }

    [Fact]
    public async Task Unknown_id_is_404()
    {
        var response = await system.CasesHttp.GetAsync($"v1/reconsideration/cases/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_request_id_returns_the_same_case_and_creates_nothing()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await system.Cases.ReceiveAsync("410108", "2024-07-01", requestId: requestId);
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => system.Cases.ReceiveAsync("410108", "2024-07-01", requestId: requestId)));
        Assert.All(retries, r => Assert.Equal(first.Id, r.Id));

        var list = await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = "410108" });
        Assert.Single(list.Cases);
        Assert.Equal(1, await system.OutboxRowsAsync(first.Id));

        var different = await Assert.ThrowsAsync<RpcException>(() => system.Cases.ReceiveAsync("410108", "2024-07-02", requestId: requestId));
        Assert.Equal(StatusCode.AlreadyExists, different.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_status_and_due_date_and_pages()
    {
        const string org = "410122";
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var c = await system.Cases.ReceiveAsync(org, "2024-01-02");
            await system.Cases.AcceptAsync(c.Id, "2024-01-03", i % 2 == 0 ? Procedure.Simplified : Procedure.Ordinary);
            ids.Add(c.Id);
        }
        await system.Cases.ReceiveAsync(org, "2024-01-04");

        var accepted = await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = org, Status = CaseStatus.Accepted });
        Assert.Equal(5, accepted.Cases.Count);

        // Simplified: 30 days after 2024-01-03 is 2024-02-02; ordinary: 2024-03-03 is a Sunday, so 2024-03-04.
        var dueSoon = await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = org, DueBefore = "2024-02-10" });
        Assert.Equal(3, dueSoon.Cases.Count);
        Assert.All(dueSoon.Cases, c => Assert.Equal("2024-02-02", c.Deadline));

        var seen = new List<string>();
        string token = "";
        do
        {
            var page = await system.Cases.Client.ListCasesAsync(new ListCasesRequest { Org = org, PageSize = 2, PageToken = token });
            Assert.True(page.Cases.Count <= 2);
            seen.AddRange(page.Cases.Select(c => c.Id));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(6, seen.Distinct().Count());
    }
}
