using Fazhi.Contracts.Enforcement;
using Fazhi.Enforcement.Domain;
using static Fazhi.Enforcement.Tests.TestRecords;

namespace Fazhi.Enforcement.Tests;

public sealed class FileReviewTests
{
    [Theory]
    [InlineData(100, Grade.Excellent)]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.9, Grade.Good)]
    [InlineData(80, Grade.Good)]
    [InlineData(79.5, Grade.Passed)]
    [InlineData(60, Grade.Passed)]
    [InlineData(59.9, Grade.Failed)]
    [InlineData(0, Grade.Failed)]
    public void The_default_thresholds_grade_90_80_60(double score, Grade grade) =>
        Assert.Equal(grade, Reviewed((decimal)score).Grade);

    [Fact]
    public void A_failed_veto_item_makes_the_file_failed_with_score_0_whatever_its_points()
    {
        var vetoed = Reviewed(95, veto: true);
        Assert.Equal(Grade.Failed, vetoed.Grade);
        Assert.Equal(0, vetoed.Score);
        Assert.Equal(0, vetoed.ToChangedEvent(DateTimeOffset.UnixEpoch).ScoreTenths);
    }

    [Fact]
    public void An_organisation_s_own_thresholds_grade_the_review_and_the_grade_is_kept()
    {
        var strict = new GradeThresholds(95, 85, 70);
        var review = Reviewed(92, thresholds: strict);
        Assert.Equal(Grade.Good, review.Grade);
        Assert.Equal("GRADE_GOOD", review.ToChangedEvent(DateTimeOffset.UnixEpoch).Grade);
        Assert.Equal(875, Reviewed(87.5m).ToChangedEvent(DateTimeOffset.UnixEpoch).ScoreTenths);
    }

    [Fact]
    public void A_review_and_its_problems_are_recorded_together_and_a_bad_problem_refuses_all()
    {
        var review = Reviewed(85, problems: [Problem(), Problem(category: ProblemCategory.Filing, description: "卷内目录缺失")]);
        Assert.Equal(2, review.Problems.Count);
        Assert.All(review.Problems, p => Assert.Equal(D("2024-03-01"), p.FoundOn));
        Assert.Equal(1, review.Version);

        Assert.Equal("DATE_OUT_OF_ORDER", Refused(() => Reviewed(85, problems: [Problem(), Problem(rectifyBy: "2024-02-28")])));
        Assert.Equal("PROBLEM_CATEGORY_UNKNOWN", Refused(() => Reviewed(85, problems: [Problem(category: ProblemCategory.Unspecified)])));
    }

    [Fact]
    public void A_review_names_a_department_of_its_own_organisation()
    {
        var elsewhere = Department.Register(Guid.NewGuid(), "410102", "中原区市场监督管理局");
        Assert.Equal("DEPARTMENT_UNKNOWN", Refused(() => FileReview.Record(Guid.NewGuid(), Org, File(), elsewhere, [], GradeThresholds.Default, Today)));
        Assert.Equal("DEPARTMENT_UNKNOWN", Refused(() => FileReview.Record(Guid.NewGuid(), Org, File(), null, [], GradeThresholds.Default, Today)));
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-1)]
    [InlineData(87.25)]
    public void A_score_is_0_to_100_with_one_decimal(double score) =>
        Assert.Equal("SCORE_OUT_OF_RANGE", Refused(() => Reviewed((decimal)score)));

    [Fact]
    public void A_review_in_the_future_is_refused() =>
        Assert.Equal("DATE_IN_FUTURE", Refused(() =>
            FileReview.Record(Guid.NewGuid(), Org, File(reviewedOn: "2024-07-01"), Market, [], GradeThresholds.Default, Today)));

    [Fact]
    public void A_problem_is_rectified_once_not_before_it_was_found_nor_in_the_future()
    {
        var review = Reviewed(85, problems: [Problem()]);
        var id = review.Problems[0].Id;
        Assert.Equal("DATE_OUT_OF_ORDER", Refused(() => review.RectifyProblem(id, D("2024-02-01"), Today)));
        Assert.Equal("DATE_IN_FUTURE", Refused(() => review.RectifyProblem(id, D("2024-07-01"), Today)));
        Assert.Equal("PROBLEM_NOT_FOUND", Refused(() => review.RectifyProblem(Guid.NewGuid(), D("2024-03-10"), Today)));

        review.RectifyProblem(id, D("2024-03-10"), Today);
        Assert.Equal(D("2024-03-10"), review.Problems[0].RectifiedOn);
        Assert.Equal(2, review.Version);
        Assert.Equal("PROBLEM_ALREADY_RECTIFIED", Refused(() => review.RectifyProblem(id, D("2024-03-11"), Today)));
    }

    [Fact]
    public void A_problem_is_overdue_after_its_deadline_until_rectified()
    {
        var review = Reviewed(85, problems: [Problem(rectifyBy: "2024-04-01")]);
        var problem = review.Problems[0];
        Assert.False(problem.IsOverdueOn(D("2024-04-01")));
        Assert.True(problem.IsOverdueOn(D("2024-04-02")));
        var rectified = problem with { RectifiedOn = D("2024-04-05") };
        Assert.True(rectified.IsOverdueOn(D("2024-04-04")));
        Assert.False(rectified.IsOverdueOn(D("2024-04-05")));
    }

    [Fact]
    public void A_voided_review_takes_no_more_moves()
    {
        var review = Reviewed(85, problems: [Problem()]);
        review.Void("录入错误");
        Assert.True(review.ToChangedEvent(DateTimeOffset.UnixEpoch).Voided);
        Assert.Equal("CASE_VOIDED", Refused(() => review.RectifyProblem(review.Problems[0].Id, D("2024-03-10"), Today)));
        Assert.Equal("CASE_VOIDED", Refused(() => review.Void("again")));
    }

    [Fact]
    public void A_repeated_create_is_the_same_review_only_with_the_same_contents()
    {
        var problems = new[] { Problem() };
        var review = FileReview.Record(Guid.NewGuid(), Org, File(88), Market, problems, GradeThresholds.Default, Today);
        Assert.True(review.IsSameReview(Org, File(88), problems));
        Assert.False(review.IsSameReview(Org, File(89), problems));
        Assert.False(review.IsSameReview(Org, File(88), []));
    }
}
