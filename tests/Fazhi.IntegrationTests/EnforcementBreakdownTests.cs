using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Enforcement;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// GET /v1/reports/{org}/years/{year}:enforcement-breakdown through the public APIs: reviews in two departments and two
/// file types and campaign problems; the department rows and the file-type rows each add up to the YTD totals, a rename
/// shows the new name, and a reset and re-publish rebuilds the same rows.
/// </summary>
public sealed class EnforcementBreakdownTests(EnforcementSystem system) : IClassFixture<EnforcementSystem>
{
    private const string Org = "410105";
    private const string Route = $"v1/reports/{Org}/years/2023:enforcement-breakdown?asOf=2023-12-31";

    private static readonly string[] ReviewKeys =
    [
        "enforcement.files_reviewed", "enforcement.files_excellent", "enforcement.files_good", "enforcement.files_passed",
        "enforcement.files_failed", "enforcement.problems_found", "enforcement.problems_rectified", "enforcement.problems_overdue",
    ];

    [Fact]
    public async Task Rows_per_department_and_per_file_type_add_up_to_the_ytd_totals_follow_a_rename_and_survive_a_rebuild()
    {
        var api = system.Reviews;
        var land = await api.DepartmentAsync(Org, "金水区自然资源局");
        var market = await api.DepartmentAsync(Org, "金水区市场监督管理局");
        (string Department, FileType Type, double Score, int Problems, int Rectified)[] reviews =
        [
            (land.Id, FileType.Penalty, 95, 2, 1), (land.Id, FileType.Penalty, 85, 0, 0), (land.Id, FileType.Licensing, 72, 1, 1),
            (market.Id, FileType.Penalty, 91, 1, 0), (market.Id, FileType.Licensing, 55, 3, 2), (market.Id, FileType.Licensing, 80, 0, 0),
        ];
        foreach (var (department, type, score, problems, rectified) in reviews)
        {
            var request = EnforcementApi.NewReview(Org, department, "2023-04-10", score);
            request.FileType = type;
            for (var i = 0; i < problems; i++)
                request.Problems.Add(new NewReviewProblem { Category = ProblemCategory.Procedural, Description = $"问题{i}", RectifyBy = "2023-05-10" });
            var review = await api.Reviews.CreateReviewAsync(request);
            foreach (var problem in review.Problems.Take(rectified))
                await api.Reviews.RectifyReviewProblemAsync(new RectifyProblemRequest { Id = review.Id, ProblemId = problem.ProblemId, RectifiedOn = "2023-05-01" });
        }
        var campaign = await api.CampaignAsync(Org, "2023-06-01", "2023-10-31");
        foreach (var department in new[] { land.Id, market.Id, market.Id })
        {
            var withProblem = await api.ProblemAsync(campaign.Id, department, "2023-06-15", "2023-08-31");
            await api.Campaigns.RectifyCampaignProblemAsync(new RectifyProblemRequest
            {
                Id = campaign.Id, ProblemId = withProblem.Problems[^1].ProblemId, RectifiedOn = "2023-08-01",
            });
        }

        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["enforcement.files_reviewed"] == 6 && y.Metrics["enforcement.campaign_problems_rectified"] == 3
            && y.Metrics["enforcement.problems_rectified"] == 4);
        Assert.Equal(7, ytd.Metrics["enforcement.problems_found"]);
        Assert.Equal(3, ytd.Metrics["enforcement.problems_overdue"]);
        var viewer = system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "41"));
        var breakdown = await WaitForBreakdownAsync(viewer, b => Rows(b, "departments").Sum(r => r.Metrics["enforcement.files_reviewed"]) == 6
            && Rows(b, "departments").Sum(r => r.Metrics["enforcement.campaign_problems_rectified"]) == 3
            && Rows(b, "departments").All(r => r.Name.Length > 0));

        var departments = Rows(breakdown, "departments");
        var fileTypes = Rows(breakdown, "fileTypes");
        Assert.Equal(["金水区市场监督管理局", "金水区自然资源局"], departments.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["FILE_TYPE_PENALTY", "FILE_TYPE_LICENSING"], fileTypes.Select(r => r.Key));
        foreach (var key in ReviewKeys)
        {
            Assert.Equal(ytd.Metrics[key], departments.Sum(r => r.Metrics[key]));
            Assert.Equal(ytd.Metrics[key], fileTypes.Sum(r => r.Metrics[key]));
        }
        foreach (var key in new[] { "enforcement.campaign_problems_found", "enforcement.campaign_problems_rectified" })
        {
            Assert.Equal(ytd.Metrics[key], departments.Sum(r => r.Metrics[key]));
            Assert.All(fileTypes, r => Assert.False(r.Metrics.ContainsKey(key)));   // campaigns have no file type
        }
        // The average over all reviews is the rows' averages weighted by their reviews.
        Assert.Equal(ytd.Metrics["enforcement.average_score"],
            departments.Sum(r => r.Metrics["enforcement.average_score"] * r.Metrics["enforcement.files_reviewed"]) / 6, 9);
        var landRow = departments.Single(r => r.Key == land.Id);
        Assert.Equal((3, (95 + 85 + 72) / 3.0, 3, 1), (landRow.Metrics["enforcement.files_reviewed"], landRow.Metrics["enforcement.average_score"],
            landRow.Metrics["enforcement.problems_found"], landRow.Metrics["enforcement.problems_overdue"]));
        var licensing = fileTypes.Single(r => r.Key == "FILE_TYPE_LICENSING");
        Assert.Equal((3, 1, 4), (licensing.Metrics["enforcement.files_reviewed"], licensing.Metrics["enforcement.files_failed"],
            licensing.Metrics["enforcement.problems_found"]));

        // A rename is one department event: the row keeps its figures and shows the new name.
        await api.Departments.RenameDepartmentAsync(new RenameDepartmentRequest { Id = land.Id, Name = "金水区自然资源和规划局" });
        var renamed = await WaitForBreakdownAsync(viewer, b => Rows(b, "departments").Any(r => r.Name == "金水区自然资源和规划局"));
        Assert.Equal(landRow.Metrics, Rows(renamed, "departments").Single(r => r.Key == land.Id).Metrics);

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        (await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "enforcement" })).EnsureSuccessStatusCode();
        Assert.Empty(Rows(await GetBreakdownAsync(viewer), "departments"));
        var republished = await api.Reviews.RepublishCasesAsync(new RepublishCasesRequest { PageSize = 3 },
            new Grpc.Core.Metadata { { "authorization", "Bearer " + admin } });
        Assert.Equal(6 + 1 + 2, republished.Cases);   // reviews, the campaign, the departments
        var rebuilt = await WaitForBreakdownAsync(viewer, b => Rows(b, "departments").Sum(r => r.Metrics["enforcement.files_reviewed"]) == 6
            && Rows(b, "departments").Sum(r => r.Metrics["enforcement.campaign_problems_found"]) == 3
            && Rows(b, "departments").Any(r => r.Name == "金水区自然资源和规划局"));
        Assert.Equal(Canonical(renamed), Canonical(rebuilt));

        // Within the caller's scope only.
        var neighbour = system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "410102"));
        Assert.Equal(HttpStatusCode.Forbidden, (await neighbour.GetAsync(Route)).StatusCode);
    }

    private sealed record Row(string Key, string Name, Dictionary<string, double> Metrics);

    private static List<Row> Rows(JsonElement breakdown, string kind) =>
        !breakdown.TryGetProperty(kind, out var rows) ? [] : rows.EnumerateArray().Select(r => new Row(
            r.TryGetProperty("departmentId", out var id) ? id.GetString()! : r.GetProperty("fileType").GetString()!,
            r.TryGetProperty("name", out var name) ? name.GetString()! : "",
            r.GetProperty("metrics").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetDouble()))).ToList();

    private static string Canonical(JsonElement breakdown) =>
        string.Join("\n", Rows(breakdown, "departments").Concat(Rows(breakdown, "fileTypes")).OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key} {r.Name} " + string.Join(",", r.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"))));

    private static async Task<JsonElement> GetBreakdownAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Route);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForBreakdownAsync(HttpClient http, Func<JsonElement, bool> expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var breakdown = await GetBreakdownAsync(http);
            if (expected(breakdown) || DateTime.UtcNow > deadline) return breakdown;
            await Task.Delay(50);
        }
    }
}
