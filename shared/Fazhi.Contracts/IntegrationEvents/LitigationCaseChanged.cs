namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The reportable state of one 行政应诉 case after a change: the lawsuit, every court notice with what happened at its
/// hearing, and the judgment. Events carry state, not deltas, like <see cref="ReconsiderationCaseChanged"/>; codes are
/// the proto enum names.
/// </summary>
public sealed record LitigationCaseChanged
{
    public required Guid CaseId { get; init; }
    public required long Version { get; init; }
    public required string Org { get; init; }
    public required string Status { get; init; }
    public required string Instance { get; init; }
    public required DateOnly FiledOn { get; init; }
    public required string Category { get; init; }
    public bool AfterReconsideration { get; init; }
    /// <summary>
    /// The organisation is sued as the reconsideration body, jointly with the body that made the original decision
    /// (共同被告): the lawsuit counts in the disclosure report's table 四 only for that original body.
    /// </summary>
    public bool ReconsiderationBodyCoDefendant { get; init; }
    public IReadOnlyList<LitigationNoticeState> Notices { get; init; } = [];
    public DateOnly? JudgedOn { get; init; }
    public string? Judgment { get; init; }
    public bool Voided { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>One court notice requiring the responsible person to appear; <see cref="Appearance"/> null until recorded.</summary>
public sealed record LitigationNoticeState(Guid NoticeId, DateOnly NoticeOn, DateOnly HearingOn, string? Appearance, bool Spoke);
