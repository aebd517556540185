using System.Collections.Frozen;
using Fazhi.Contracts.Enforcement;
using Fazhi.Contracts.IntegrationEvents;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// A file review's or campaign's visible invariants: its kind, known codes, a review dated in range with a score of
/// 0..100 points, a campaign ending on or after its start, and each problem found in range, due on or after it was
/// found and rectified on or after it was found.
/// </summary>
public static class EnforcementEventCheck
{
    private static readonly FrozenSet<string> Kinds = FrozenSet.ToFrozenSet([EnforcementCaseChanged.Review, EnforcementCaseChanged.Campaign, EnforcementCaseChanged.Department], StringComparer.Ordinal);
    private static readonly FrozenSet<string> FileTypes = ProtoCodes.Of<FileType>();
    private static readonly FrozenSet<string> Grades = ProtoCodes.Of<Grade>();
    private static readonly FrozenSet<string> ProblemCategories = ProtoCodes.Of<ProblemCategory>();

    /// <summary>100 points, in tenths.</summary>
    private const int MaxScoreTenths = 1000;

    public static EventRejection? Check(EnforcementCaseChanged e, EventLimits limits, DateOnly today)
    {
        var check = new EventCheck(limits, today, e.CaseId, e.Version, e.Org)
            .Code("kind", e.Kind, Kinds, required: true)
            .Code("fileType", e.FileType, FileTypes)
            .Code("grade", e.Grade, Grades)
            .Count("scoreTenths", e.ScoreTenths, MaxScoreTenths)
            .Items("problems", e.Problems);
        if (!check.Passed) return check.Rejection;
        // A department carries only its id and current name, the labels of the breakdowns.
        if (e.Kind == EnforcementCaseChanged.Department)
        {
            return check.Consistent(e.DepartmentId is { } id && id != Guid.Empty, "a department without an id")
                .Consistent(!string.IsNullOrWhiteSpace(e.DepartmentName) && e.DepartmentName.Length <= 200, "a department name must be 1 to 200 characters")
                .Rejection;
        }
        if (e.Kind == EnforcementCaseChanged.Review) check.Required("reviewedOn", e.ReviewedOn).Happened("reviewedOn", e.ReviewedOn);
        else
        {
            check.Required("startedOn", e.StartedOn).Required("endsOn", e.EndsOn)
                .Happened("startedOn", e.StartedOn).Planned("endsOn", e.EndsOn)
                .NotBefore("endsOn", e.EndsOn, "startedOn", e.StartedOn);
        }
        foreach (var problem in e.Problems)
        {
            check.Consistent(problem is not null && problem.ProblemId != Guid.Empty, "a problem without an id");
            if (!check.Passed) break;
            check.Code("problems.category", problem!.Category, ProblemCategories, required: true)
                .Happened("problems.foundOn", problem.FoundOn)
                .Planned("problems.rectifyBy", problem.RectifyBy)
                .Happened("problems.rectifiedOn", problem.RectifiedOn)
                .NotBefore("problems.rectifyBy", problem.RectifyBy, "problems.foundOn", problem.FoundOn)
                .NotBefore("problems.rectifiedOn", problem.RectifiedOn, "problems.foundOn", problem.FoundOn);
        }
        return check.Rejection;
    }
}
