using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// 金水区 2023, enforcement supervision (docs/domain.md, "Worked example"): 160 files reviewed (评查案卷160余卷) and 140
/// campaign problems found and rectified (查摆整改问题140余条). Logged one request at a time through the public JSON API
/// exactly as docs/api.md writes the routes: departments first, reviews with their problems in one request each, some
/// problems rectified and some left overdue, a campaign of 2023 and one running over from 2022, and 2022 reviews beside them.
/// </summary>
public sealed class EnforcementWorkedExampleTests(EnforcementSystem system) : IClassFixture<EnforcementSystem>
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Year_2023_of_jinshui_district_reproduces_the_enforcement_sentence()
    {
        var http = system.Enforcement.Http(FazhiSystem.Token(FazhiRoles.EnforcementReviewer, Org));
        using var gate = new SemaphoreSlim(8);
        async Task Throttled(Func<Task> work)
        {
            await gate.WaitAsync();
            try { await work(); } finally { gate.Release(); }
        }

        var departments = new List<string>();
        foreach (var name in new[] { "金水区市场监督管理局", "金水区自然资源局", "金水区卫生健康委员会", "金水区城市管理局" })
            departments.Add((await PostAsync<Created>(http, "v1/enforcement/departments", new { requestId = Guid.NewGuid(), org = Org, name })).Id);

        // 2022: 20 reviews, all good.
        var lastYear = Enumerable.Range(0, 20).Select(i => Throttled(() =>
            ReviewAsync(http, departments[i % 4], new DateOnly(2022, 3, 1).AddDays(i * 5), 85, veto: false, problems: 0)));

        // 2023: 160 reviews — 40 优秀 (95), 60 良好 (85), 50 合格 (70), 5 不合格 by score (50) and 5 by a failed veto
        // item (scored 88, counted 0). Every other review has one problem (80); half of those (40) are rectified 10 days
        // later, the other 40 are left past their 30-day deadline.
        var thisYear = Enumerable.Range(0, 160).Select(i => Throttled(async () =>
        {
            var reviewedOn = new DateOnly(2023, 1, 3).AddDays(i * 2);
            var (score, veto) = i switch { < 40 => (95.0, false), < 100 => (85.0, false), < 150 => (70.0, false), < 155 => (50.0, false), _ => (88.0, true) };
            var review = await ReviewAsync(http, departments[i % 4], reviewedOn, score, veto, problems: i % 2 == 0 ? 1 : 0);
            if (i % 4 == 0)
            {
                await PostAsync<JsonElement>(http, $"v1/enforcement/reviews/{review.Id}/problems/{review.Problems![0].ProblemId}:rectify",
                    new { rectifiedOn = D(reviewedOn.AddDays(10)) });
            }
        }));
        await Task.WhenAll(lastYear.Concat(thisYear));

        // A campaign running from 2022 into 2023, and the 2023 campaign: 140 problems found and every one rectified.
        await PostAsync<Created>(http, "v1/enforcement/campaigns",
            new { requestId = Guid.NewGuid(), org = Org, name = "涉企行政执法专项整治", startedOn = "2022-06-01", endsOn = "2023-02-28" });
        var campaign = await PostAsync<Created>(http, "v1/enforcement/campaigns",
            new { requestId = Guid.NewGuid(), org = Org, name = "行政执法突出问题专项整治", startedOn = "2023-03-01", endsOn = "2023-12-31" });
        await Task.WhenAll(Enumerable.Range(0, 140).Select(i => Throttled(async () =>
        {
            var foundOn = new DateOnly(2023, 3, 1).AddDays(i * 2);
            var requestId = Guid.NewGuid().ToString();
            var changed = await PostAsync<CampaignView>(http, $"v1/enforcement/campaigns/{campaign.Id}/problems", new
            {
                requestId, departmentId = departments[i % 4], category = i % 3 == 0 ? "PROBLEM_CATEGORY_SUBSTANTIVE" : "PROBLEM_CATEGORY_PROCEDURAL",
                description = $"查摆问题{i + 1}", foundOn = D(foundOn), rectifyBy = D(foundOn.AddDays(30)),
            });
            var problemId = changed.Problems.Single(p => p.RequestId == requestId).ProblemId;
            await PostAsync<JsonElement>(http, $"v1/enforcement/campaigns/{campaign.Id}/problems/{problemId}:rectify",
                new { rectifiedOn = D(foundOn.AddDays(20)) });
        })));

        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["enforcement.files_reviewed"] == 160 && y.Metrics["enforcement.problems_rectified"] == 40
            && y.Metrics["enforcement.campaign_problems_rectified"] == 140 && y.PreviousPeriod["enforcement.files_reviewed"] == 20,
            TimeSpan.FromSeconds(60));
        var m = ytd.Metrics;
        Assert.Equal(160, m["enforcement.files_reviewed"]);
        Assert.Equal(40, m["enforcement.files_excellent"]);
        Assert.Equal(60, m["enforcement.files_good"]);
        Assert.Equal(50, m["enforcement.files_passed"]);
        Assert.Equal(10, m["enforcement.files_failed"]);
        Assert.Equal((40 * 95 + 60 * 85 + 50 * 70 + 5 * 50 + 5 * 0) / 160.0, m["enforcement.average_score"], 12);
        Assert.Equal(80, m["enforcement.problems_found"]);
        Assert.Equal(40, m["enforcement.problems_rectified"]);
        Assert.Equal(40, m["enforcement.problems_overdue"]);
        Assert.Equal(2, m["enforcement.campaigns"]);
        Assert.Equal(140, m["enforcement.campaign_problems_found"]);
        Assert.Equal(140, m["enforcement.campaign_problems_rectified"]);
        Assert.Equal(20, ytd.PreviousPeriod["enforcement.files_reviewed"]);
        Assert.Equal(1, ytd.PreviousPeriod["enforcement.campaigns"]);

        // The city sees its district's figures.
        var city = await system.Reports.YtdAsync("4101", 2023, "2023-12-31");
        Assert.Equal(160, city.Metrics["enforcement.files_reviewed"]);
        Assert.Equal(140, city.Metrics["enforcement.campaign_problems_rectified"]);
    }

    private sealed record Created(string Id);

    private sealed record ProblemView(string ProblemId, string? RequestId);

    private sealed record ReviewView(string Id, List<ProblemView>? Problems);

    private sealed record CampaignView(string Id, List<ProblemView> Problems);

    private static Task<ReviewView> ReviewAsync(HttpClient http, string departmentId, DateOnly reviewedOn, double score, bool veto, int problems) =>
        PostAsync<ReviewView>(http, "v1/enforcement/reviews", new
        {
            requestId = Guid.NewGuid(), org = Org, departmentId, fileType = "FILE_TYPE_PENALTY",
            fileNumber = $"金执罚〔{reviewedOn.Year}〕{Guid.NewGuid().ToString("N")[..8]}号", reviewedOn = D(reviewedOn), score, vetoFailed = veto,
            problems = Enumerable.Range(0, problems).Select(_ => new
            {
                category = "PROBLEM_CATEGORY_PROCEDURAL", description = "未告知陈述申辩权利", rectifyBy = D(reviewedOn.AddDays(30)),
            }).ToList(),
        });

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
