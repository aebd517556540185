using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>A case logged through the public API shows up in the year-to-date figures, over JSON and over gRPC.</summary>
public sealed class CaseToYtdTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Case_logged_over_json_appears_in_the_district_and_city_figures()
    {
        var http = system.CasesHttp;
        var created = await http.PostAsJsonAsync("v1/reconsideration/cases", new
        {
            requestId = Guid.NewGuid(),
            org = "410105",
            receivedOn = "2024-03-01",
            applicantType = "APPLICANT_TYPE_NATURAL_PERSON",
            category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
            respondent = "郑州市金水区市场监督管理局",
            summary = "不服罚款决定",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        // Received long ago with nothing recorded since: the review period is over, so it shows as accepted by law.
        Assert.Equal("CASE_STATUS_ACCEPTED", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("acceptedByLaw").GetBoolean());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        // 5 working days after Friday 2024-03-01.
        Assert.Equal("2024-03-08", body.GetProperty("acceptanceDueOn").GetString());

        var accepted = await http.PostAsJsonAsync($"v1/reconsideration/cases/{id}:accept", new { acceptedOn = "2024-03-05", procedure = "PROCEDURE_ORDINARY" });
        var acceptedBody = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, acceptedBody.GetProperty("version").GetInt64());
        // 60 days after 2024-03-05 is Saturday 2024-05-04, inside the 劳动节 holiday (5/1–5/5): the next working day.
        Assert.Equal("2024-05-06", acceptedBody.GetProperty("deadline").GetString());

        await http.PostAsJsonAsync($"v1/reconsideration/cases/{id}:hear", new { heldOn = "2024-04-01" });
        var decided = await http.PostAsJsonAsync($"v1/reconsideration/cases/{id}:decide", new { decidedOn = "2024-04-20", decision = "DECISION_REVOKE" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var ytd = await system.Reports.WaitForAsync("410105", 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);
        Assert.Equal(1, ytd.Metrics["reconsideration.received"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.accepted"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.decided"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.heard_decided"]);
        Assert.Equal(1.0, ytd.Metrics["reconsideration.direct_correction_rate"]);
        Assert.Equal(0, ytd.Metrics["reconsideration.pending"]);

        // Before the decision the case was pending; as of 2024-04-01 nothing was decided yet.
        var earlier = await system.Reports.YtdAsync("410105", 2024, "2024-04-01");
        Assert.Equal(1, earlier.Metrics["reconsideration.pending"]);
        Assert.Equal(0, earlier.Metrics["reconsideration.decided"]);

        // The city 4101 sums its districts; a neighbouring city does not see them.
        var city = await system.Reports.YtdAsync("4101", 2024, "2024-12-31");
        Assert.True(city.Metrics["reconsideration.received"] >= 1);
        var otherCity = await system.Reports.YtdAsync("4102", 2024, "2024-12-31");
        Assert.Equal(0, otherCity.Metrics["reconsideration.received"]);
    }

    [Fact]
    public async Task Districts_roll_up_into_their_city_and_previous_period_is_last_year()
    {
        await system.Cases.DecidedCaseAsync("410102", "2022-02-01", "2022-02-03", "2022-03-01", Decision.Maintain);
        await system.Cases.DecidedCaseAsync("410102", "2023-02-01", "2023-02-03", "2023-03-01", Decision.Maintain);
        await system.Cases.DecidedCaseAsync("410103", "2023-02-10", "2023-02-13", "2023-03-10", Decision.Modify);
        // After the as-of date: not in the YTD figure.
        await system.Cases.ReceiveAsync("410103", "2023-06-01");

        var city = await system.Reports.WaitForAsync("4101", 2023, "2023-05-31", y => y.Metrics["reconsideration.decided"] == 2);
        Assert.Equal(2, city.Metrics["reconsideration.received"]);
        Assert.Equal(2, city.Metrics["reconsideration.decided"]);
        Assert.Equal(0.5, city.Metrics["reconsideration.direct_correction_rate"]);
        Assert.Equal("2023-05-31", city.AsOf);
        Assert.Equal(1, city.PreviousPeriod["reconsideration.received"]);
        Assert.Equal(1, city.PreviousPeriod["reconsideration.decided"]);

        var district = await system.Reports.YtdAsync("410103", 2023, "2023-05-31");
        Assert.Equal(1, district.Metrics["reconsideration.received"]);
        Assert.Equal(1.0, district.Metrics["reconsideration.direct_correction_rate"]);
        Assert.Equal(0, district.PreviousPeriod["reconsideration.received"]);
    }

    [Fact]
    public async Task Ytd_answers_every_reconsideration_metric_key()
    {
        var ytd = await system.Reports.YtdAsync("419999", 2023, "2023-06-30");
        string[] keys =
        [
            "reconsideration.received", "reconsideration.accepted", "reconsideration.rejected", "reconsideration.decided",
            "reconsideration.decided_carried_in", "reconsideration.directly_corrected", "reconsideration.direct_correction_rate",
            "reconsideration.mediated_or_settled", "reconsideration.comprehensive_correction_rate", "reconsideration.heard_decided",
            "reconsideration.hearing_rate", "reconsideration.pending", "reconsideration.overdue",
        ];
        foreach (var key in keys)
        {
            Assert.True(ytd.Metrics.ContainsKey(key), key);
            Assert.True(ytd.PreviousPeriod.ContainsKey(key), key);
        }
    }
}
