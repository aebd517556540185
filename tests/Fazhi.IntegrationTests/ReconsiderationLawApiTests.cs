using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The 2023 law's steps over JSON, as a clerk's page calls them, through to the figures; and a new schedule.</summary>
public sealed class ReconsiderationLawApiTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_late_rejection_is_refused_with_its_reason_and_the_case_shows_as_accepted_by_law()
    {
        var c = await system.Cases.ReceiveAsync(Org, "2024-02-26"); // the review ends 3/4

        var late = await Post($"v1/reconsideration/cases/{c.Id}:reject", new { rejectedOn = "2024-03-05", reason = "不属于受理范围" });
        var body = await late.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("REVIEW_PERIOD_OVER", body);
        Assert.Contains("\"code\":9", body); // FAILED_PRECONDITION

        var shown = await system.CasesHttp.GetFromJsonAsync<JsonElement>($"v1/reconsideration/cases/{c.Id}", Web);
        Assert.Equal("CASE_STATUS_ACCEPTED", shown.GetProperty("status").GetString());
        Assert.True(shown.GetProperty("acceptedByLaw").GetBoolean());
        Assert.Equal("2024-03-04", shown.GetProperty("acceptedOn").GetString());
        Assert.Equal("2024-05-06", shown.GetProperty("deadline").GetString());
        Assert.Equal(1, shown.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_extension_is_dated_in_time_and_recorded_in_the_deadline_history()
    {
        var c = await system.Cases.ReceiveAsync(Org, "2024-02-26");
        await system.Cases.AcceptAsync(c.Id, "2024-03-01"); // due 4/30

        var missingDate = await Post($"v1/reconsideration/cases/{c.Id}:extend", new { days = 30, reason = "案情复杂" });
        Assert.Equal(HttpStatusCode.BadRequest, missingDate.StatusCode);
        Assert.Contains("extendedOn", await missingDate.Content.ReadAsStringAsync());

        var late = await Post($"v1/reconsideration/cases/{c.Id}:extend", new { extendedOn = "2024-05-02", days = 30, reason = "案情复杂" });
        Assert.Contains("EXTENSION_TOO_LATE", await late.Content.ReadAsStringAsync());

        var extended = await Post($"v1/reconsideration/cases/{c.Id}:extend", new { extendedOn = "2024-04-29", days = 30, reason = "案情复杂" });
        var json = await extended.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("2024-05-30", json.GetProperty("deadline").GetString());
        Assert.Equal("2024-04-29", json.GetProperty("extendedOn").GetString());
        var history = json.GetProperty("deadlineHistory").EnumerateArray().Select(h => (h.GetProperty("from").GetString(), h.GetProperty("deadline").GetString())).ToList();
        Assert.Equal([("2024-03-01", "2024-04-30"), ("2024-04-29", "2024-05-30")], history);
    }

    [Fact]
    public async Task Materials_withdrawal_and_termination_reach_the_figures()
    {
        const string org = "410106";
        var abandoned = await system.Cases.ReceiveAsync(org, "2024-03-04");
        await Ok(await Post($"v1/reconsideration/cases/{abandoned.Id}:request-materials", new { requestedOn = "2024-03-05", dueOn = "2024-03-15" }));

        var supplemented = await system.Cases.ReceiveAsync(org, "2024-03-04");
        await Ok(await Post($"v1/reconsideration/cases/{supplemented.Id}:request-materials", new { requestedOn = "2024-03-05", dueOn = "2024-03-15" }));
        var restarted = await Ok(await Post($"v1/reconsideration/cases/{supplemented.Id}:materials-received", new { receivedOn = "2024-03-12" }));
        Assert.Equal("2024-03-19", restarted.GetProperty("acceptanceDueOn").GetString());

        var withdrawn = await system.Cases.ReceiveAsync(org, "2024-03-04");
        await system.Cases.AcceptAsync(withdrawn.Id, "2024-03-05");
        var ended = await Ok(await Post($"v1/reconsideration/cases/{withdrawn.Id}:withdraw", new { withdrawnOn = "2024-04-01", reason = "和解后撤回", settled = true }));
        Assert.Equal("DECISION_TERMINATE", ended.GetProperty("decision").GetString());
        Assert.Equal("TERMINATION_GROUND_WITHDRAWN", ended.GetProperty("terminationGround").GetString());

        var groundless = await Post($"v1/reconsideration/cases/{supplemented.Id}:decide", new { decidedOn = "2024-04-02", decision = "DECISION_TERMINATE" });
        Assert.Contains("TERMINATION_GROUND_REQUIRED", await groundless.Content.ReadAsStringAsync());

        var ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y =>
            y.Metrics["reconsideration.withdrawn"] == 1 && y.Metrics["reconsideration.abandoned"] == 1 && y.Metrics["reconsideration.deemed_accepted"] == 1);
        Assert.Equal(3, ytd.Metrics["reconsideration.received"]);
        Assert.Equal(2, ytd.Metrics["reconsideration.accepted"]);       // the withdrawn one by the clerk, the supplemented one by law on 3/19
        Assert.Equal(1, ytd.Metrics["reconsideration.deemed_accepted"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.abandoned"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.withdrawn"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.terminated"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.mediated_or_settled"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.decided"]);
        // As of 3/18 the supplemented application was still in its restarted review.
        var before = await system.Reports.YtdAsync(org, 2024, "2024-03-18");
        Assert.Equal(1, before.Metrics["reconsideration.accepted"]);
    }

    internal static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(100);
        }
    }

    private Task<HttpResponseMessage> Post(string path, object body) => system.CasesHttp.PostAsJsonAsync(path, body);

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonSerializer.Deserialize<JsonElement>(text, Web);
    }
}
