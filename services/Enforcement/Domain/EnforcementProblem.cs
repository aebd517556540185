using Fazhi.Contracts.Enforcement;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;

namespace Fazhi.Enforcement.Domain;

/// <summary>What a reviewer or a campaign asks the department to fix, and by when.</summary>
public sealed record NewProblem(Guid DepartmentId, ProblemCategory Category, string Description, DateOnly FoundOn, DateOnly RectifyBy);

/// <summary>
/// A problem found in a file review or a campaign: its category, the department that must rectify it, the deadline and,
/// once done, the rectification date. Immutable: a change is a new record in its owner's list, so the change tracker sees it.
/// </summary>
public sealed record EnforcementProblem(
    Guid Id, Guid RequestId, Guid DepartmentId, ProblemCategory Category, string Description, DateOnly FoundOn, DateOnly RectifyBy)
{
    public DateOnly? RectifiedOn { get; init; }

    /// <summary>Overdue on <paramref name="day"/>: past its deadline and not rectified by then.</summary>
    public bool IsOverdueOn(DateOnly day) => day > RectifyBy && (RectifiedOn is not { } done || done > day);

    public bool IsSame(NewProblem problem) =>
        DepartmentId == problem.DepartmentId && Category == problem.Category && Description == problem.Description
        && FoundOn == problem.FoundOn && RectifyBy == problem.RectifyBy;

    public static EnforcementProblem Found(Guid requestId, NewProblem problem, DateOnly today)
    {
        if (problem.Category is not (ProblemCategory.Filing or ProblemCategory.Substantive or ProblemCategory.Procedural))
            throw new RuleViolationException("PROBLEM_CATEGORY_UNKNOWN", $"Unknown problem category {problem.Category}.");
        if (string.IsNullOrWhiteSpace(problem.Description))
            throw new RuleViolationException("PROBLEM_DESCRIPTION_REQUIRED", "A problem needs a description.");
        NotInFuture("foundOn", problem.FoundOn, today);
        NotBefore("rectifyBy", problem.RectifyBy, "foundOn", problem.FoundOn);
        return new EnforcementProblem(Guid.CreateVersion7(), requestId, problem.DepartmentId, problem.Category, problem.Description,
            problem.FoundOn, problem.RectifyBy);
    }

    public EnforcementProblem Rectified(DateOnly rectifiedOn, DateOnly today)
    {
        if (RectifiedOn is { } done)
            throw new RuleViolationException("PROBLEM_ALREADY_RECTIFIED", $"Problem {Id} was already rectified on {done:yyyy-MM-dd}.");
        NotInFuture("rectifiedOn", rectifiedOn, today);
        NotBefore("rectifiedOn", rectifiedOn, "foundOn", FoundOn);
        return this with { RectifiedOn = rectifiedOn };
    }
}
