using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// 金水区 2023, litigation (docs/domain.md, "Worked example"): 66 first-instance lawsuits, 40% fewer than 2022's 110 (下降40%);
/// the responsible person appeared at 56 of the 62 notified hearings (90%). Logged case by case through the public JSON
/// API exactly as docs/api.md writes the routes, with second-instance cases, an excused and an absent appearance, judgments,
/// and reconsideration cases beside them that must not mix in.
/// </summary>
public sealed class LitigationWorkedExampleTests(LitigationSystem system) : IClassFixture<LitigationSystem>
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Year_2023_of_jinshui_district_reproduces_the_litigation_sentence()
    {
        var http = system.Litigation.Http(FazhiSystem.Token(FazhiRoles.LitigationLiaison, Org));
        using var gate = new SemaphoreSlim(8);
        async Task Throttled(Func<Task> work)
        {
            await gate.WaitAsync();
            try { await work(); } finally { gate.Release(); }
        }

        // 2022: 110 first-instance lawsuits (and 5 appeals, which are not 新增一审).
        var lastYear = Enumerable.Range(0, 115).Select(i => Throttled(() =>
            CreateAsync(http, D(new DateOnly(2022, 1, 3).AddDays(i * 3)), i < 110 ? "INSTANCE_FIRST" : "INSTANCE_SECOND")));

        // 2023: 66 first-instance lawsuits, 4 appeals. 62 notices over them; 56 answered by the 正职 (20) or a 副职/分管 (36),
        // 4 by excused staff, 2 by nobody. 30 first-instance judgments, 3 lost.
        var thisYear = Enumerable.Range(0, 70).Select(i => Throttled(async () =>
        {
            var filedOn = new DateOnly(2023, 1, 4).AddDays(i * 4);
            var id = await CreateAsync(http, D(filedOn), i < 66 ? "INSTANCE_FIRST" : "INSTANCE_SECOND");
            if (i < 62)
            {
                var noticeOn = filedOn.AddDays(10);
                var noticeId = await NoticeAsync(http, id, D(noticeOn), D(noticeOn.AddDays(7)));
                var (appearance, spoke, excuse) = i switch
                {
                    < 20 => ("APPEARANCE_PRINCIPAL", true, "EXCUSE_UNSPECIFIED"),
                    < 56 => ("APPEARANCE_DEPUTY", i % 2 == 0, "EXCUSE_UNSPECIFIED"),
                    < 60 => ("APPEARANCE_STAFF_EXCUSED", false, "EXCUSE_OFFICIAL_DUTY"),
                    _ => ("APPEARANCE_NONE", false, "EXCUSE_UNSPECIFIED"),
                };
                await PostAsync(http, $"v1/litigation/cases/{id}/notices/{noticeId}:record-appearance", new { appearance, spoke, excuse });
            }
            if (i < 30)
            {
                await PostAsync(http, $"v1/litigation/cases/{id}:record-judgment",
                    new { judgedOn = D(filedOn.AddDays(40)), judgment = i < 3 ? "JUDGMENT_LOST" : "JUDGMENT_WON" });
            }
        }));

        // A reconsideration case of the same district in 2023: its counters and litigation's must not mix.
        var reconsideration = system.Cases.ReceiveAsync(Org, "2023-05-05");
        await Task.WhenAll(lastYear.Concat(thisYear).Append(reconsideration));

        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["litigation.first_instance_received"] == 66 && y.PreviousPeriod["litigation.first_instance_received"] == 110
            && y.Metrics["litigation.notices"] == 62 && y.Metrics["litigation.appearances"] == 56
            && y.Metrics["litigation.first_instance_judgments"] == 30 && y.Metrics["reconsideration.received"] == 1);
        var m = ytd.Metrics;
        Assert.Equal(66, m["litigation.first_instance_received"]);
        Assert.Equal(110, ytd.PreviousPeriod["litigation.first_instance_received"]);
        Assert.Equal("下降40%", YearOnYear.Describe(m["litigation.first_instance_received"], ytd.PreviousPeriod["litigation.first_instance_received"]));
        Assert.Equal(62, m["litigation.notices"]);
        Assert.Equal(56, m["litigation.appearances"]);
        Assert.Equal(20, m["litigation.principal_appearances"]);
        Assert.Equal(56.0 / 62, m["litigation.appearance_rate"], 12);
        Assert.Equal(90, Math.Round(m["litigation.appearance_rate"] * 100));
        Assert.Equal(30, m["litigation.first_instance_judgments"]);
        Assert.Equal(3, m["litigation.first_instance_lost"]);
        Assert.Equal(0.1, m["litigation.loss_rate"], 12);
        // Both sources answer in one YTD, each with its own keys.
        Assert.Equal(1, m["reconsideration.received"]);
        Assert.Equal(0, ytd.PreviousPeriod["reconsideration.received"]);
        Assert.Equal(0, ytd.PreviousPeriod["litigation.notices"]);

        // The city sees its district's figures.
        var city = await system.Reports.YtdAsync("4101", 2023, "2023-12-31");
        Assert.Equal(66, city.Metrics["litigation.first_instance_received"]);
    }

    private sealed record Created(string Id);

    private sealed record Notice(string NoticeId, long Version);

    private static async Task<string> CreateAsync(HttpClient http, string filedOn, string instance)
    {
        var body = new
        {
            requestId = Guid.NewGuid(), org = Org, court = "郑州市金水区人民法院",
            caseNumber = $"({filedOn[..4]})豫0105行{(instance == "INSTANCE_FIRST" ? "初" : "终")}{Guid.NewGuid().ToString("N")[..8]}号",
            instance, filedOn, category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", afterReconsideration = false, defendant = "金水区人民政府",
        };
        return (await PostAsync<Created>(http, "v1/litigation/cases", body)).Id;
    }

    private static async Task<string> NoticeAsync(HttpClient http, string id, string noticeOn, string hearingOn) =>
        (await PostAsync<Notice>(http, $"v1/litigation/cases/{id}/notices", new { requestId = Guid.NewGuid(), noticeOn, hearingOn })).NoticeId;

    private static async Task PostAsync(HttpClient http, string path, object body) => await PostAsync<JsonElement>(http, path, body);

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
