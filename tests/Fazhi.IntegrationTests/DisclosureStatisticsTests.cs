using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Table 二 through the public API: PUT /v1/disclosure/statistics/{org}/{year} checked field by field, refused outside
/// the officer's organisation, replacing (an identical PUT is no change), with its history; and in reporting under the
/// disclosure.table2.* keys, replaced by a second PUT and rebuilt alike from a re-publish.
/// </summary>
public sealed class DisclosureStatisticsTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static object Figures(int rulesIssued = 2, string fees = "0.35", int penalties = 1480) => new
    {
        rulesIssued, rulesRepealed = 1, rulesInForce = 12, normativeDocumentsIssued = 5, normativeDocumentsRepealed = 3,
        normativeDocumentsInForce = 40, licensingDecisions = 3120, penaltyDecisions = penalties, compulsionDecisions = 7, feesWanYuan = fees,
    };

    private HttpClient Officer(string org = Org) => system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, org));

    [Fact]
    public async Task Bad_figures_are_refused_naming_each_field_and_nothing_is_stored()
    {
        var nextYear = DateTime.UtcNow.Year + 1;
        using var response = await Officer().PutAsJsonAsync($"v1/disclosure/statistics/{Org}/{nextYear}", new
        {
            rulesIssued = -1, rulesRepealed = 0, rulesInForce = 12, normativeDocumentsIssued = 0, normativeDocumentsRepealed = 0,
            normativeDocumentsInForce = -3, licensingDecisions = 0, penaltyDecisions = 0, compulsionDecisions = 0, feesWanYuan = "0.12345",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(new HashSet<string?> { "year", "rulesIssued", "normativeDocumentsInForce", "feesWanYuan" }, await FieldsAsync(response));

        using var noFees = await Officer().PutAsJsonAsync($"v1/disclosure/statistics/{Org}/2022", new { rulesIssued = 1 });
        Assert.Equal(new HashSet<string?> { "feesWanYuan" }, await FieldsAsync(noFees));
        using var negativeFees = await Officer().PutAsJsonAsync($"v1/disclosure/statistics/{Org}/2022", new { feesWanYuan = "-1" });
        Assert.Equal(new HashSet<string?> { "feesWanYuan" }, await FieldsAsync(negativeFees));
        using var badOrg = await Officer().PutAsJsonAsync("v1/disclosure/statistics/41x/1989", Figures());
        Assert.Equal(new HashSet<string?> { "org", "year" }, await FieldsAsync(badOrg));

        Assert.Equal(HttpStatusCode.NotFound, (await Officer().GetAsync($"v1/disclosure/statistics/{Org}/2022")).StatusCode);
    }

    [Fact]
    public async Task Other_roles_and_other_organisations_are_refused_and_write_nothing()
    {
        const int year = 2021;
        var route = $"v1/disclosure/statistics/{Org}/{year}";
        (await Officer().PutAsJsonAsync(route, Figures())).EnsureSuccessStatusCode();

        var attempts = new List<(string Name, string? Token, HttpStatusCode Expected)>
        {
            ("no token", null, HttpStatusCode.Unauthorized),
            ("statistics viewer", FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org), HttpStatusCode.Forbidden),
            ("enforcement reviewer", FazhiSystem.Token(FazhiRoles.EnforcementReviewer, Org), HttpStatusCode.Forbidden),
            ("neighbouring district's officer", FazhiSystem.Token(FazhiRoles.DisclosureOfficer, "410102"), HttpStatusCode.Forbidden),
        };
        var failures = new List<string>();
        foreach (var (name, token, expected) in attempts)
        {
            var http = system.Disclosure.Http(token);
            foreach (var (method, path, body) in new (string, string, object?)[]
                     {
                         ("PUT", route, Figures(rulesIssued: 99)), ("GET", route, null), ("GET", route + "/history", null),
                     })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = JsonContent.Create(body);
                using var response = await http.SendAsync(request);
                if (response.StatusCode != expected) failures.Add($"{name}: {method} {path} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        Assert.Empty(failures);
        var stored = await Officer().GetFromJsonAsync<Statistics>(route, Json);
        Assert.Equal((2, 1L), (stored!.RulesIssued, stored.Version));
    }

    [Fact]
    public async Task A_put_replaces_the_figures_an_identical_put_changes_nothing_and_the_history_shows_each_change()
    {
        const int year = 2020;
        var route = $"v1/disclosure/statistics/{Org}/{year}";

        var first = await PutAsync(route, Figures());
        Assert.Equal((Org, year, 2, "0.35", 1L), (first.Org, first.Year, first.RulesIssued, first.FeesWanYuan, first.Version));
        var same = await PutAsync(route, Figures(fees: "0.3500"));
        Assert.Equal(1, same.Version);
        Assert.Equal(first.Id, same.Id);

        var second = await PutAsync(route, Figures(rulesIssued: 3, fees: "12"));
        Assert.Equal((3, "12", 1480, 2L), (second.RulesIssued, second.FeesWanYuan, second.PenaltyDecisions, second.Version));
        Assert.Equal(second, await Officer().GetFromJsonAsync<Statistics>(route, Json));

        var history = await Officer().GetFromJsonAsync<JsonElement>(route + "/history", Json);
        var entries = history.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal("PutStatistics", e.GetProperty("action").GetString()));
        var changed = entries[1].GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("oldValue").GetRawText(), c.GetProperty("newValue").GetRawText()));
        Assert.Equal(new HashSet<string> { "rulesIssued", "feesWanYuan" }, changed.Keys.ToHashSet());
        Assert.Equal(("2", "3"), changed["rulesIssued"]);
    }

    [Fact]
    public async Task A_put_reaches_the_ytd_figures_a_second_put_replaces_them_and_a_rebuild_keeps_them()
    {
        const int year = 2023;
        var route = $"v1/disclosure/statistics/{Org}/{year}";
        await PutAsync(route, Figures());
        static bool First(ReportingApi.Ytd y) =>
            y.Metrics["disclosure.table2.rules_issued"] == 2 && y.Metrics["disclosure.table2.fees_wan_yuan"] == 0.35;
        var live = await system.Reports.WaitForAsync(Org, year, "2023-12-31", First);
        Assert.True(First(live));
        Assert.Equal(12, live.Metrics["disclosure.table2.rules_in_force"]);
        Assert.Equal(5, live.Metrics["disclosure.table2.normative_documents_issued"]);
        Assert.Equal(3, live.Metrics["disclosure.table2.normative_documents_repealed"]);
        Assert.Equal(40, live.Metrics["disclosure.table2.normative_documents_in_force"]);
        Assert.Equal(3120, live.Metrics["disclosure.table2.licensing_decisions"]);
        Assert.Equal(1480, live.Metrics["disclosure.table2.penalty_decisions"]);
        Assert.Equal(7, live.Metrics["disclosure.table2.compulsion_decisions"]);
        Assert.Equal(1, live.Metrics["disclosure.table2.rules_repealed"]);
        // Dated 1 January: there from the year's first day on, and in no other year.
        Assert.Equal(2, (await system.Reports.YtdAsync(Org, year, "2023-01-01")).Metrics["disclosure.table2.rules_issued"]);
        Assert.Equal(2, (await system.Reports.YtdAsync(Org, year + 1, "2024-12-31")).PreviousPeriod["disclosure.table2.rules_issued"]);
        Assert.Equal(0, (await system.Reports.YtdAsync(Org, year + 1, "2024-12-31")).Metrics["disclosure.table2.rules_issued"]);

        await PutAsync(route, Figures(rulesIssued: 3, fees: "1.2", penalties: 1000));
        static bool Second(ReportingApi.Ytd y) =>
            y.Metrics["disclosure.table2.rules_issued"] == 3 && y.Metrics["disclosure.table2.fees_wan_yuan"] == 1.2
            && y.Metrics["disclosure.table2.penalty_decisions"] == 1000;
        var replaced = await system.Reports.WaitForAsync(Org, year, "2023-12-31", Second);
        Assert.True(Second(replaced), "the second PUT replaces the first's figures instead of adding to them");
        Assert.Equal(3120, replaced.Metrics["disclosure.table2.licensing_decisions"]);

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        (await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "disclosure" })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await system.Reports.YtdAsync(Org, year, "2023-12-31")).Metrics["disclosure.table2.rules_issued"]);
        (await system.Disclosure.Http(admin).PostAsJsonAsync("v1/disclosure/admin:republish", new { })).EnsureSuccessStatusCode();
        var rebuilt = await system.Reports.WaitForAsync(Org, year, "2023-12-31", Second);
        Assert.Equal(replaced.Metrics, rebuilt.Metrics);

        // A city's figures are the sum of its districts'.
        await PutAsync($"v1/disclosure/statistics/410102/{year}", Figures(fees: "0.05"), Officer("410102"));
        var city = await system.Reports.WaitForAsync("4101", year, "2023-12-31", y => y.Metrics["disclosure.table2.rules_issued"] == 5);
        Assert.Equal(1.25, city.Metrics["disclosure.table2.fees_wan_yuan"], 10);
    }

    private async Task<Statistics> PutAsync(string route, object figures, HttpClient? http = null)
    {
        using var response = await (http ?? Officer()).PutAsJsonAsync(route, figures);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Statistics>(Json))!;
    }

    private static async Task<HashSet<string?>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToHashSet();
    }

    private sealed record Statistics(
        string Id, string Org, int Year, int RulesIssued, int RulesRepealed, int RulesInForce, int NormativeDocumentsIssued,
        int NormativeDocumentsRepealed, int NormativeDocumentsInForce, int LicensingDecisions, int PenaltyDecisions,
        int CompulsionDecisions, string FeesWanYuan, long Version);
}
