namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The reportable state of one enforcement-supervision record after a change: a file review (<see cref="Kind"/>
/// "REVIEW": department, file type, date, score and grade) or a special campaign ("CAMPAIGN": its dates), each with its
/// problems. Reviews and campaigns share one event so that reporting keeps them under one source, "enforcement"; their
/// ids are UUIDv7s of one service, so they never collide. Events carry state, not deltas; codes are proto enum names.
/// A department ("DEPARTMENT": <see cref="DepartmentId"/>, the case id too, and <see cref="DepartmentName"/>) counts
/// nothing: its event, on registration and on every rename, gives reporting the current name for its breakdowns, so a
/// rename is one event instead of a re-publish of every review naming the department.
/// </summary>
public sealed record EnforcementCaseChanged
{
    public const string Review = "REVIEW";
    public const string Campaign = "CAMPAIGN";
    public const string Department = "DEPARTMENT";

    public required Guid CaseId { get; init; }
    public required long Version { get; init; }
    public required string Org { get; init; }
    public required string Kind { get; init; }
    public Guid? DepartmentId { get; init; }
    /// <summary>Set on department events only: reviews and problems refer to departments by id.</summary>
    public string? DepartmentName { get; init; }
    public string? FileType { get; init; }
    public DateOnly? ReviewedOn { get; init; }
    /// <summary>The review's score in tenths of a point (87.5 is 875), 0 for a vetoed file.</summary>
    public int ScoreTenths { get; init; }
    public string? Grade { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public IReadOnlyList<EnforcementProblemState> Problems { get; init; } = [];
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>One problem found (in a review: on the review date), its rectification deadline, and its rectification date once done.</summary>
public sealed record EnforcementProblemState(Guid ProblemId, Guid DepartmentId, string Category, DateOnly FoundOn, DateOnly RectifyBy, DateOnly? RectifiedOn);
