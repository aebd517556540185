namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The reportable state of one disclosure aggregate after a change. Two kinds share the event because reporting keeps
/// one source per service: a request (<see cref="Kind"/> "REQUEST": receipt, applicant column, conclusion) and a
/// publication day ("PUBLICATION_DAY": how many items the organisation published on <see cref="PublishedOn"/>).
/// Publications are counted per day rather than per item: 11,845 items a year would be 11,845 projection rows, a
/// day's tally is one, and as a state (not a delta) it still counts each item exactly once on retries and rebuilds.
/// </summary>
public sealed record DisclosureCaseChanged
{
    public const string RequestKind = "REQUEST";
    public const string PublicationDayKind = "PUBLICATION_DAY";

    public required Guid CaseId { get; init; }
    public required long Version { get; init; }
    public required string Org { get; init; }
    public required string Kind { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public string? ApplicantType { get; init; }
    public DateOnly? ConcludedOn { get; init; }
    public string? Outcome { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public int Published { get; init; }
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
