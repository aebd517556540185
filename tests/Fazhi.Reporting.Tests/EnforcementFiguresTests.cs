using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.EnforcementMetrics;

namespace Fazhi.Reporting.Tests;

public sealed class EnforcementFiguresTests
{
    private static readonly Guid Dept = Guid.NewGuid();

    private static EnforcementCaseChanged Review(string reviewedOn, int scoreTenths, string grade, bool voided = false, params EnforcementProblemState[] problems) => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = "410105", Kind = EnforcementCaseChanged.Review, DepartmentId = Dept,
        FileType = "FILE_TYPE_PENALTY", ReviewedOn = D(reviewedOn), ScoreTenths = scoreTenths, Grade = grade, Problems = problems,
        Voided = voided, ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static EnforcementCaseChanged Campaign(string startedOn, string endsOn, params EnforcementProblemState[] problems) => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = "410105", Kind = EnforcementCaseChanged.Campaign, StartedOn = D(startedOn),
        EndsOn = D(endsOn), Problems = problems, ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static EnforcementProblemState Problem(string foundOn, string rectifyBy, string? rectifiedOn = null) =>
        new(Guid.NewGuid(), Dept, "PROBLEM_CATEGORY_PROCEDURAL", D(foundOn), D(rectifyBy), rectifiedOn is null ? null : D(rectifiedOn));

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The published keys for 1 January to <paramref name="asOf"/>, summed as the YTD query sums the counters.</summary>
    private static IReadOnlyDictionary<string, double> Ytd(string asOf, params EnforcementCaseChanged[] cases)
    {
        var end = D(asOf);
        var start = new DateOnly(end.Year, 1, 1);
        // The totals only: breakdown rows go to their own table, never into the YTD figures.
        var all = cases.SelectMany(EnforcementFigures.Of).Where(c => !c.IsBreakdown).ToList();
        var sums = PeriodCounters.ToDictionary(m => m, m => (long)all.Where(c => c.Metric == m && c.Day >= start && c.Day <= end).Sum(c => c.Delta));
        foreach (var m in StateCounters) sums[m] = all.Where(c => c.Metric == m && c.Day <= end).Sum(c => c.Delta);
        return EnforcementFigures.Compose(sums);
    }

    [Fact]
    public void Reviews_count_by_stored_grade_and_the_average_counts_a_vetoed_file_as_0()
    {
        var ytd = Ytd("2023-12-31",
            Review("2023-03-01", 955, "GRADE_EXCELLENT"), Review("2023-03-02", 850, "GRADE_GOOD"),
            Review("2023-04-01", 700, "GRADE_PASSED"), Review("2023-05-01", 0, "GRADE_FAILED"),
            Review("2022-12-31", 1000, "GRADE_EXCELLENT"), Review("2023-06-01", 990, "GRADE_EXCELLENT", voided: true));
        Assert.Equal(4, ytd[FilesReviewed]);
        Assert.Equal(1, ytd[FilesExcellent]);
        Assert.Equal(1, ytd[FilesGood]);
        Assert.Equal(1, ytd[FilesPassed]);
        Assert.Equal(1, ytd[FilesFailed]);
        Assert.Equal((95.5 + 85 + 70 + 0) / 4, ytd[AverageScore], 12);
    }

    [Fact]
    public void Every_enforcement_key_is_present_and_0_over_nothing()
    {
        var ytd = Ytd("2023-12-31");
        Assert.Equal(12, ytd.Count);
        Assert.All(ytd.Values, v => Assert.Equal(0, v));
        Assert.All(ytd.Keys, k => Assert.StartsWith("enforcement.", k, StringComparison.Ordinal));
    }

    [Fact]
    public void Review_problems_count_on_the_review_date_and_their_rectification_date_campaign_problems_apart()
    {
        var review = Review("2023-03-01", 880, "GRADE_GOOD", false,
            Problem("2023-03-01", "2023-04-01", "2023-03-20"), Problem("2023-03-01", "2023-04-01", "2024-01-05"));
        var campaign = Campaign("2023-02-01", "2023-11-30", Problem("2023-05-01", "2023-06-01", "2023-05-15"), Problem("2023-06-01", "2023-07-01"));
        var ytd = Ytd("2023-12-31", review, campaign);
        Assert.Equal(2, ytd[ProblemsFound]);
        Assert.Equal(1, ytd[ProblemsRectified]);
        Assert.Equal(2, ytd[CampaignProblemsFound]);
        Assert.Equal(1, ytd[CampaignProblemsRectified]);
        Assert.Equal(1, Ytd("2024-01-31", review)[ProblemsRectified]);
        Assert.Equal(0, Ytd("2024-01-31", review)[ProblemsFound]);
    }

    [Fact]
    public void A_problem_is_overdue_from_the_day_after_its_deadline_until_the_day_it_is_rectified()
    {
        var late = Review("2023-03-01", 880, "GRADE_GOOD", false, Problem("2023-03-01", "2023-04-01", "2023-04-10"));
        Assert.Equal(0, Ytd("2023-04-01", late)[ProblemsOverdue]);
        Assert.Equal(1, Ytd("2023-04-02", late)[ProblemsOverdue]);
        Assert.Equal(1, Ytd("2023-04-09", late)[ProblemsOverdue]);
        Assert.Equal(0, Ytd("2023-04-10", late)[ProblemsOverdue]);

        var onTime = Campaign("2023-01-01", "2023-12-31", Problem("2023-03-01", "2023-04-01", "2023-04-01"), Problem("2023-03-01", "2023-04-01", "2023-04-02"));
        Assert.Equal(0, Ytd("2023-04-02", onTime)[ProblemsOverdue]);

        // Never rectified: overdue at every later date, across the year end.
        var open = Campaign("2023-01-01", "2023-12-31", Problem("2023-03-01", "2023-04-01"));
        Assert.Equal(1, Ytd("2023-12-31", open)[ProblemsOverdue]);
        Assert.Equal(1, Ytd("2024-06-30", open)[ProblemsOverdue]);
    }

    [Fact]
    public void A_campaign_counts_in_every_year_it_runs_in_once()
    {
        var spanning = Campaign("2022-10-01", "2024-03-31");
        Assert.Equal(1, Ytd("2022-10-01", spanning)[Campaigns]);
        Assert.Equal(0, Ytd("2022-09-30", spanning)[Campaigns]);
        Assert.Equal(1, Ytd("2023-01-01", spanning)[Campaigns]);
        Assert.Equal(1, Ytd("2023-12-31", spanning)[Campaigns]);
        Assert.Equal(1, Ytd("2024-12-31", spanning)[Campaigns]);
        Assert.Equal(0, Ytd("2025-06-30", spanning)[Campaigns]);
        Assert.Equal(2, Ytd("2023-12-31", spanning, Campaign("2023-05-01", "2023-08-31"))[Campaigns]);
    }

    [Fact]
    public void A_voided_review_or_campaign_contributes_nothing()
    {
        Assert.Empty(EnforcementFigures.Of(Review("2023-03-01", 900, "GRADE_EXCELLENT", true, Problem("2023-03-01", "2023-03-02"))));
        Assert.Empty(EnforcementFigures.Of(Campaign("2023-01-01", "2023-12-31") with { Voided = true }));
    }
}
