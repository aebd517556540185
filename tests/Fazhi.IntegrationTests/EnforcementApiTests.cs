using Fazhi.Contracts.Enforcement;
using Fazhi.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// The enforcement service on real PostgreSQL and RabbitMQ: one file reviewed once a year unless re-reviewed, a review
/// and its problems stored together or not at all, departments of the organisation only, grades by the organisation's
/// thresholds, safe retries, and department names kept unique.
/// </summary>
public sealed class EnforcementApiTests(EnforcementSystem system) : IClassFixture<EnforcementSystem>
{
    [Fact]
    public async Task A_file_is_reviewed_once_a_year_unless_marked_as_a_re_review()
    {
        const string org = "410105";
        var department = await system.Reviews.DepartmentAsync(org);
        var first = EnforcementApi.NewReview(org, department.Id, "2024-03-01", 75, "金市监罚〔2024〕7号");
        await system.Reviews.Reviews.CreateReviewAsync(first);

        var again = EnforcementApi.NewReview(org, department.Id, "2024-09-01", 91, "金市监罚〔2024〕7号");
        Assert.Equal("FILE_ALREADY_REVIEWED", await Reason(StatusCode.AlreadyExists, system.Reviews.Reviews.CreateReviewAsync(again).ResponseAsync));
        again.ReReview = true;
        var reReview = await system.Reviews.Reviews.CreateReviewAsync(again);
        Assert.True(reReview.ReReview);
        Assert.Equal(Grade.Excellent, reReview.Grade);

        // Next year the same file may be reviewed again without being a re-review.
        await system.Reviews.Reviews.CreateReviewAsync(EnforcementApi.NewReview(org, department.Id, "2025-01-10", 80, "金市监罚〔2024〕7号"));

        // A retry of the first create returns the same review and creates nothing.
        var retried = await system.Reviews.Reviews.CreateReviewAsync(first);
        Assert.Equal(first.RequestId, retried.RequestId);
        first.Score = 76;
        Assert.Equal(StatusCode.AlreadyExists, (await Assert.ThrowsAsync<RpcException>(() => system.Reviews.Reviews.CreateReviewAsync(first).ResponseAsync)).StatusCode);
    }

    [Fact]
    public async Task A_review_with_many_problems_is_stored_whole_or_not_at_all()
    {
        const string org = "410105";
        var department = await system.Reviews.DepartmentAsync(org);
        var reviewsBefore = await CountAsync("reviews");

        var request = EnforcementApi.NewReview(org, department.Id, "2024-05-06", 82);
        request.Problems.Add(new NewReviewProblem { Category = ProblemCategory.Filing, Description = "卷内目录缺失", RectifyBy = "2024-06-06" });
        request.Problems.Add(new NewReviewProblem { Category = ProblemCategory.Substantive, Description = "", RectifyBy = "2024-13-01" });
        request.Problems.Add(new NewReviewProblem { Category = ProblemCategory.Procedural, Description = "未听证", RectifyBy = "2024-06-06" });
        var invalid = await Assert.ThrowsAsync<RpcException>(() => system.Reviews.Reviews.CreateReviewAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var fields = invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("problems[1].description", fields);
        Assert.Contains("problems[1].rectifyBy", fields);

        request.Problems[1].Description = "适用法律错误";
        request.Problems[1].RectifyBy = "2024-05-01";
        Assert.Equal("DATE_OUT_OF_ORDER", await Reason(StatusCode.FailedPrecondition, system.Reviews.Reviews.CreateReviewAsync(request).ResponseAsync));
        Assert.Equal(reviewsBefore, await CountAsync("reviews"));

        request.Problems[1].RectifyBy = "2024-06-01";
        var stored = await system.Reviews.Reviews.CreateReviewAsync(request);
        Assert.Equal(3, stored.Problems.Count);
        var rectified = await system.Reviews.Reviews.RectifyReviewProblemAsync(
            new RectifyProblemRequest { Id = stored.Id, ProblemId = stored.Problems[2].ProblemId, RectifiedOn = "2024-05-20" });
        Assert.Equal("2024-05-20", rectified.Problems[2].RectifiedOn);
        Assert.Equal(2, rectified.Version);
        Assert.Equal("PROBLEM_ALREADY_RECTIFIED", await Reason(StatusCode.FailedPrecondition, system.Reviews.Reviews.RectifyReviewProblemAsync(
            new RectifyProblemRequest { Id = stored.Id, ProblemId = stored.Problems[2].ProblemId, RectifiedOn = "2024-05-21" }).ResponseAsync));
        var history = await system.Reviews.Reviews.GetReviewHistoryAsync(new GetRequest { Id = stored.Id });
        Assert.Equal(2, history.Entries.Count);
    }

    [Fact]
    public async Task Reviews_and_problems_name_a_department_of_their_own_organisation()
    {
        var neighbour = await system.Reviews.DepartmentAsync("410102");
        Assert.Equal("DEPARTMENT_UNKNOWN", await Reason(StatusCode.FailedPrecondition,
            system.Reviews.Reviews.CreateReviewAsync(EnforcementApi.NewReview("410105", neighbour.Id, "2024-03-01", 90)).ResponseAsync));
        Assert.Equal("DEPARTMENT_UNKNOWN", await Reason(StatusCode.FailedPrecondition,
            system.Reviews.Reviews.CreateReviewAsync(EnforcementApi.NewReview("410105", Guid.NewGuid().ToString(), "2024-03-01", 90)).ResponseAsync));
        var campaign = await system.Reviews.CampaignAsync("410105", "2024-01-01", "2024-12-31");
        Assert.Equal("DEPARTMENT_UNKNOWN", await Reason(StatusCode.FailedPrecondition,
            system.Reviews.ProblemAsync(campaign.Id, neighbour.Id, "2024-02-01", "2024-03-01")));
    }

    [Fact]
    public async Task Grades_follow_the_organisation_s_thresholds()
    {
        var strict = await system.Reviews.DepartmentAsync(EnforcementSystem.StrictOrg);
        var usual = await system.Reviews.DepartmentAsync("410105");
        Assert.Equal(Grade.Good, (await system.Reviews.ReviewAsync(EnforcementSystem.StrictOrg, strict.Id, "2024-03-01", 92)).Grade);
        Assert.Equal(Grade.Excellent, (await system.Reviews.ReviewAsync("410105", usual.Id, "2024-03-01", 92)).Grade);
        Assert.Equal(Grade.Failed, (await system.Reviews.ReviewAsync(EnforcementSystem.StrictOrg, strict.Id, "2024-03-01", 65)).Grade);
        var vetoed = EnforcementApi.NewReview("410105", usual.Id, "2024-03-02", 97);
        vetoed.VetoFailed = true;
        var stored = await system.Reviews.Reviews.CreateReviewAsync(vetoed);
        Assert.Equal((Grade.Failed, 0.0), (stored.Grade, stored.Score));
    }

    [Fact]
    public async Task Department_names_are_one_per_organisation_and_a_rename_keeps_the_id()
    {
        const string org = "410103";
        var market = await system.Reviews.DepartmentAsync(org, "二七区市场监督管理局");
        await system.Reviews.DepartmentAsync(org, "二七区自然资源局");
        Assert.Equal("DEPARTMENT_NAME_TAKEN", await Reason(StatusCode.AlreadyExists, system.Reviews.DepartmentAsync(org, "二七区市场监督管理局")));
        await system.Reviews.DepartmentAsync("410104", "二七区市场监督管理局");

        var renamed = await system.Reviews.Departments.RenameDepartmentAsync(new RenameDepartmentRequest { Id = market.Id, Name = "二七区市场监管局" });
        Assert.Equal((market.Id, 2L), (renamed.Id, renamed.Version));
        Assert.Equal("DEPARTMENT_NAME_TAKEN", await Reason(StatusCode.AlreadyExists,
            system.Reviews.Departments.RenameDepartmentAsync(new RenameDepartmentRequest { Id = market.Id, Name = "二七区自然资源局" }).ResponseAsync));
        var list = await system.Reviews.Departments.ListDepartmentsAsync(new ListDepartmentsRequest { Org = org });
        Assert.Equal(new[] { "二七区市场监管局", "二七区自然资源局" }.OrderBy(n => n, StringComparer.Ordinal), list.Departments.Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(system.EnforcementConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<string?> Reason<T>(StatusCode expected, Task<T> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(expected, error.StatusCode);
        return error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
    }
}
