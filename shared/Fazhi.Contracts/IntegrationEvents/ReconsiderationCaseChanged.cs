namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The reportable state of one 行政复议 case after a change. Events carry state, not deltas: the
/// reporting service diffs this against the last version it applied, so duplicates, redeliveries
/// and out-of-order arrivals cannot skew a figure. Codes are the proto enum names.
/// </summary>
public sealed record ReconsiderationCaseChanged
{
    public required Guid CaseId { get; init; }
    public required long Version { get; init; }
    public required string Org { get; init; }
    public required string Status { get; init; }
    public required DateOnly ReceivedOn { get; init; }
    public required string ApplicantType { get; init; }
    public required string Category { get; init; }
    /// <summary>
    /// The day acceptance took effect: the clerk's acceptance, or for an application still in review the last day
    /// of the review period, when it is accepted by law (视为受理) unless refused by then. Counted only once that day
    /// has come, like every dated figure.
    /// </summary>
    public DateOnly? AcceptedOn { get; init; }
    /// <summary>True when <see cref="AcceptedOn"/> is (or will be) acceptance by law rather than the clerk's.</summary>
    public bool AcceptedByLaw { get; init; }
    public string? Procedure { get; init; }
    public DateOnly? Deadline { get; init; }
    /// <summary>
    /// Every deadline the case has had, each from the day it took effect (null while the clock was stopped), so that
    /// overdue on a past day is judged by the deadline then in force and a later step never rewrites it.
    /// </summary>
    public IReadOnlyList<DeadlineInForce> DeadlineHistory { get; init; } = [];
    /// <summary>视为放弃: the day the application counts as abandoned because requested materials did not come.</summary>
    public DateOnly? AbandonedOn { get; init; }
    /// <summary>The applicant withdrew (撤回) on this day, before or after acceptance.</summary>
    public DateOnly? WithdrawnOn { get; init; }
    /// <summary>The Art. 41 ground of a 终止 decision (a TerminationGround proto name).</summary>
    public string? TerminationGround { get; init; }
    /// <summary>A withdrawal after a settlement (和解): counted with mediation and settlement.</summary>
    public bool Settled { get; init; }
    public DateOnly? RejectedOn { get; init; }
    public IReadOnlyList<DateOnly> HearingDates { get; init; } = [];
    public DateOnly? DecidedOn { get; init; }
    public string? Decision { get; init; }
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>From <see cref="From"/> on, the decision was due on <see cref="Deadline"/> (null: the clock was stopped).</summary>
public sealed record DeadlineInForce(DateOnly From, DateOnly? Deadline);
