using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Domain;

/// <summary>The fields a correction changes; null leaves a field as it is.</summary>
public sealed record CaseCorrection(string Reason)
{
    public string? Court { get; init; }
    public string? CaseNumber { get; init; }
    public Instance? Instance { get; init; }
    public DateOnly? FiledOn { get; init; }
    public ActCategory? Category { get; init; }
    public bool? AfterReconsideration { get; init; }
    public string? Defendant { get; init; }
    public bool? ReconsiderationBodyCoDefendant { get; init; }
    public DateOnly? JudgedOn { get; init; }
    public Judgment? Judgment { get; init; }
    public IReadOnlyList<NoticeCorrection> Notices { get; init; } = [];

    public bool IsEmpty => this == new CaseCorrection(Reason) { Notices = Notices } && Notices.Count == 0;
}

/// <summary>The fields of one notice a correction changes; null leaves a field as it is.</summary>
public sealed record NoticeCorrection(Guid NoticeId)
{
    public DateOnly? NoticeOn { get; init; }
    public DateOnly? HearingOn { get; init; }
    public bool? ShortNotice { get; init; }
    public Appearance? Appearance { get; init; }
    public bool? Spoke { get; init; }
    public Excuse? Excuse { get; init; }
}
