using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Breakdowns;
using static Fazhi.Reporting.Figures.EnforcementMetrics;

namespace Fazhi.Reporting.Figures;

/// <summary>
/// What one file review or campaign, in the state an event carries, contributes to the daily counters (docs/domain.md §3),
/// and how the counter sums become enforcement's published keys. Each review and problem also counts in its
/// department's and (a review's) file type's breakdown row; the totals are the same with or without those rows.
/// </summary>
public static class EnforcementFigures
{
    public static IReadOnlyList<Contribution> Of(EnforcementCaseChanged c)
    {
        if (c.Voided || c.Kind == EnforcementCaseChanged.Department) return [];
        var list = new List<Contribution>(8 + 9 * c.Problems.Count);
        // Each figure counts in the totals and, where the row makes sense, in the department's and the file type's row.
        void Add(string metric, DateOnly day, int delta = 1, string? department = null, string? fileType = null)
        {
            list.Add(new Contribution(c.Org, metric, day, delta));
            if (department is not null) list.Add(new Contribution(c.Org, metric, day, delta, department));
            if (fileType is not null) list.Add(new Contribution(c.Org, metric, day, delta, fileType));
        }

        var review = c.Kind == EnforcementCaseChanged.Review;
        var reviewDepartment = review && c.DepartmentId is { } d ? DepartmentDimension(d) : null;
        var fileType = review && !string.IsNullOrEmpty(c.FileType) ? FileTypeDimension(c.FileType) : null;
        if (review && c.ReviewedOn is { } reviewedOn)
        {
            Add(FilesReviewed, reviewedOn, 1, reviewDepartment, fileType);
            if (GradeCounter(c.Grade) is { } grade) Add(grade, reviewedOn, 1, reviewDepartment, fileType);
            Add(ScoreTenths, reviewedOn, c.ScoreTenths, reviewDepartment, fileType);
        }
        if (c.Kind == EnforcementCaseChanged.Campaign && c.StartedOn is { } startedOn && c.EndsOn is { } endsOn)
        {
            // "Running at any time in the period": reports run from 1 January, so a campaign counts once on its start
            // and once on each later 1 January it is still running; every YTD period then sees exactly one of these.
            Add(Campaigns, startedOn);
            for (var year = startedOn.Year + 1; year <= endsOn.Year; year++) Add(Campaigns, new DateOnly(year, 1, 1));
        }
        foreach (var problem in c.Problems)
        {
            // A problem is the department's it names; a review's problems are also its file type's.
            var department = DepartmentDimension(problem.DepartmentId);
            Add(review ? ProblemsFound : CampaignProblemsFound, problem.FoundOn, 1, department, fileType);
            if (problem.RectifiedOn is { } rectifiedOn) Add(review ? ProblemsRectified : CampaignProblemsRectified, rectifiedOn, 1, department, fileType);
            AddOverdue(problem, (metric, day, delta) => Add(metric, day, delta, department, fileType));
        }
        return Contributions.Normalize(list);
    }

    /// <summary>A department's event names its breakdown row; no other enforcement event names one.</summary>
    public static IReadOnlyList<BreakdownLabel> LabelsOf(EnforcementCaseChanged c) =>
        c.Kind == EnforcementCaseChanged.Department && c.DepartmentId is { } id && c.DepartmentName is { } name
            ? [new BreakdownLabel(c.Org, DepartmentDimension(id), name)]
            : [];

    /// <summary>Every enforcement key from the counter sums; the average is an unrounded mean, 0 over no review.</summary>
    public static IReadOnlyDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        double Sum(string metric) => sums.TryGetValue(metric, out var value) ? value : 0;
        var reviewed = Sum(FilesReviewed);

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [FilesReviewed] = reviewed,
            [FilesExcellent] = Sum(FilesExcellent),
            [FilesGood] = Sum(FilesGood),
            [FilesPassed] = Sum(FilesPassed),
            [FilesFailed] = Sum(FilesFailed),
            [AverageScore] = reviewed == 0 ? 0 : Sum(ScoreTenths) / 10 / reviewed,
            [ProblemsFound] = Sum(ProblemsFound),
            [ProblemsRectified] = Sum(ProblemsRectified),
            [Campaigns] = Sum(Campaigns),
            [CampaignProblemsFound] = Sum(CampaignProblemsFound),
            [CampaignProblemsRectified] = Sum(CampaignProblemsRectified),
            [ProblemsOverdue] = Sum(OverdueChange),
        };
    }

    private static string? GradeCounter(string? grade) => grade switch
    {
        "GRADE_EXCELLENT" => FilesExcellent,
        "GRADE_GOOD" => FilesGood,
        "GRADE_PASSED" => FilesPassed,
        "GRADE_FAILED" => FilesFailed,
        _ => null,
    };

    /// <summary>
    /// Overdue on D means past the deadline on D and not rectified by D: from the day after the deadline until the
    /// rectification date (a problem rectified that day is no longer overdue on it). Review and campaign problems alike.
    /// </summary>
    private static void AddOverdue(EnforcementProblemState problem, Action<string, DateOnly, int> add)
    {
        var from = problem.RectifyBy.AddDays(1);
        if (problem.RectifiedOn is { } done && done <= from) return;
        add(OverdueChange, from, 1);
        if (problem.RectifiedOn is { } stop) add(OverdueChange, stop, -1);
    }
}
