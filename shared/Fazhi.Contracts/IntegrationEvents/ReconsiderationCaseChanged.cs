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
    public DateOnly? AcceptedOn { get; init; }
    public string? Procedure { get; init; }
    public DateOnly? Deadline { get; init; }
    public DateOnly? RejectedOn { get; init; }
    public IReadOnlyList<DateOnly> HearingDates { get; init; } = [];
    public DateOnly? DecidedOn { get; init; }
    public string? Decision { get; init; }
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
