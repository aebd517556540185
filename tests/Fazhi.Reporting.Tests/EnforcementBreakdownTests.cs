using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.EnforcementMetrics;

namespace Fazhi.Reporting.Tests;

/// <summary>
/// The breakdown contributions of enforcement: each review and problem in its department's and file type's row, the
/// rows adding up to the totals, campaign problems per department only, and the totals as they were without rows.
/// </summary>
public sealed class EnforcementBreakdownTests
{
    private static readonly Guid Land = Guid.Parse("01900000-0000-7000-8000-00000000000a");
    private static readonly Guid Market = Guid.Parse("01900000-0000-7000-8000-00000000000b");
    private static readonly string[] FileTypes = ["FILE_TYPE_PENALTY", "FILE_TYPE_LICENSING", "FILE_TYPE_INSPECTION"];
    private static readonly string[] Grades = ["GRADE_EXCELLENT", "GRADE_GOOD", "GRADE_PASSED", "GRADE_FAILED"];

    private static EnforcementCaseChanged Review(Guid department, string fileType, DateOnly on, int scoreTenths, string grade, params EnforcementProblemState[] problems) => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = "410105", Kind = EnforcementCaseChanged.Review, DepartmentId = department,
        FileType = fileType, ReviewedOn = on, ScoreTenths = scoreTenths, Grade = grade, Problems = problems, ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static EnforcementProblemState Problem(Guid department, DateOnly foundOn, int deadlineDays, int? rectifiedAfter) =>
        new(Guid.NewGuid(), department, "PROBLEM_CATEGORY_PROCEDURAL", foundOn, foundOn.AddDays(deadlineDays),
            rectifiedAfter is { } days ? foundOn.AddDays(days) : null);

    [Fact]
    public void A_review_counts_in_its_department_and_file_type_rows_as_in_the_totals()
    {
        var on = new DateOnly(2023, 3, 1);
        var review = Review(Land, "FILE_TYPE_PENALTY", on, 875, "GRADE_GOOD", Problem(Land, on, 30, 10), Problem(Land, on, 5, null));

        var contributions = EnforcementFigures.Of(review);

        var totals = contributions.Where(c => !c.IsBreakdown).ToList();
        foreach (var dimension in new[] { DepartmentDimension(Land), FileTypeDimension("FILE_TYPE_PENALTY") })
        {
            var row = contributions.Where(c => c.Dimension == dimension).Select(c => c with { Dimension = null }).ToList();
            Assert.Equal(totals, row);
        }
        Assert.Equal(3 * totals.Count, contributions.Count);
        Assert.Contains(totals, c => c is { Metric: FilesGood, Delta: 1 });
        Assert.Contains(totals, c => c is { Metric: ScoreTenths, Delta: 875 });
        Assert.Contains(totals, c => c is { Metric: OverdueChange, Delta: 1 });
    }

    [Fact]
    public void Campaign_problems_count_per_department_only_and_the_campaign_itself_in_no_row()
    {
        var started = new DateOnly(2023, 2, 1);
        var campaign = new EnforcementCaseChanged
        {
            CaseId = Guid.NewGuid(), Version = 1, Org = "410105", Kind = EnforcementCaseChanged.Campaign, StartedOn = started,
            EndsOn = new DateOnly(2023, 11, 30), Problems = [Problem(Land, started, 20, 5), Problem(Market, started, 20, 30)],
            ChangedAt = DateTimeOffset.UnixEpoch,
        };

        var contributions = EnforcementFigures.Of(campaign);

        Assert.DoesNotContain(contributions, c => c.Dimension?.StartsWith(FileTypePrefix, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(contributions, c => c.IsBreakdown && c.Metric == Campaigns);
        Assert.Equal(1, contributions.Single(c => c.Dimension == DepartmentDimension(Land) && c.Metric == CampaignProblemsRectified).Delta);
        Assert.Equal(2, contributions.Where(c => c.Dimension == DepartmentDimension(Market) && c.Metric == OverdueChange).Count());   // +1 then −1
    }

    [Fact]
    public void The_rows_of_each_kind_add_up_to_the_totals_for_any_mix_of_reviews()
    {
        var random = new Random(13);
        var reviews = Enumerable.Range(0, 200).Select(_ =>
        {
            var department = random.Next(2) == 0 ? Land : Market;
            var on = new DateOnly(2023, 1, 1).AddDays(random.Next(365));
            var problems = Enumerable.Range(0, random.Next(4))
                .Select(_ => Problem(department, on, random.Next(1, 60), random.Next(3) == 0 ? null : random.Next(0, 90))).ToArray();
            return Review(department, FileTypes[random.Next(FileTypes.Length)], on, random.Next(0, 1001), Grades[random.Next(Grades.Length)], problems);
        }).ToList();
        var all = reviews.SelectMany(EnforcementFigures.Of).ToList();

        static Dictionary<(string, DateOnly), long> Sum(IEnumerable<Contribution> cs) =>
            cs.GroupBy(c => (c.Metric, c.Day)).ToDictionary(g => g.Key, g => g.Sum(c => (long)c.Delta));
        var totals = Sum(all.Where(c => !c.IsBreakdown));
        Assert.Equal(totals, Sum(all.Where(c => c.Dimension?.StartsWith(DepartmentPrefix, StringComparison.Ordinal) == true)));
        Assert.Equal(totals, Sum(all.Where(c => c.Dimension?.StartsWith(FileTypePrefix, StringComparison.Ordinal) == true)));
        Assert.Equal(2, all.Where(c => c.Dimension?.StartsWith(DepartmentPrefix, StringComparison.Ordinal) == true).Select(c => c.Dimension).Distinct().Count());
    }

    [Fact]
    public void A_department_event_counts_nothing_and_names_its_row()
    {
        var department = new EnforcementCaseChanged
        {
            CaseId = Land, Version = 2, Org = "410105", Kind = EnforcementCaseChanged.Department, DepartmentId = Land,
            DepartmentName = "金水区自然资源局", ChangedAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Empty(EnforcementFigures.Of(department));
        var label = Assert.Single(EnforcementFigures.LabelsOf(department));
        Assert.Equal(("410105", "department:" + Land, "金水区自然资源局"), (label.Org, label.Dimension, label.Label));
        Assert.Empty(EnforcementFigures.LabelsOf(Review(Land, "FILE_TYPE_PENALTY", new DateOnly(2023, 3, 1), 900, "GRADE_EXCELLENT")));
    }

    [Fact]
    public void A_voided_review_leaves_every_row()
    {
        var review = Review(Land, "FILE_TYPE_PENALTY", new DateOnly(2023, 3, 1), 900, "GRADE_EXCELLENT") with { Voided = true };
        Assert.Empty(EnforcementFigures.Of(review));
    }
}
