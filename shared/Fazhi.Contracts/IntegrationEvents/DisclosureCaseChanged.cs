namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The reportable state of one disclosure aggregate after a change. Three kinds share the event because reporting keeps
/// one source per service: a request (<see cref="Kind"/> "REQUEST": receipt, applicant column, conclusion), a
/// publication day ("PUBLICATION_DAY": how many items the organisation published on <see cref="PublishedOn"/>) and an
/// organisation's table-二 figures for a year ("STATISTICS": <see cref="Year"/> and <see cref="Statistics"/>).
/// Publications are counted per day rather than per item: 11,845 items a year would be 11,845 projection rows, a
/// day's tally is one, and as a state (not a delta) it still counts each item exactly once on retries and rebuilds.
/// </summary>
public sealed record DisclosureCaseChanged
{
    public const string RequestKind = "REQUEST";
    public const string PublicationDayKind = "PUBLICATION_DAY";
    public const string StatisticsKind = "STATISTICS";

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
    public int? Year { get; init; }
    public DisclosureTableTwo? Statistics { get; init; }
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>The table-二 figures of one organisation and year, as last put (a state, replacing the earlier one).</summary>
public sealed record DisclosureTableTwo
{
    public int RulesIssued { get; init; }
    public int RulesRepealed { get; init; }
    public int RulesInForce { get; init; }
    public int NormativeDocumentsIssued { get; init; }
    public int NormativeDocumentsRepealed { get; init; }
    public int NormativeDocumentsInForce { get; init; }
    public int LicensingDecisions { get; init; }
    public int PenaltyDecisions { get; init; }
    public int CompulsionDecisions { get; init; }

    /// <summary>万元, at most 4 decimals.</summary>
    public decimal FeesWanYuan { get; init; }
}
