using Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Domain;

/// <summary>
/// A court's notice requiring the responsible person to appear at a hearing, and — once recorded — who appeared,
/// whether the responsible person spoke (出庭出声), and the excuse when a staff member appeared instead.
/// Immutable: a change is a new notice in the case's list, so the change tracker sees it.
/// </summary>
public sealed record CourtNotice(Guid Id, Guid RequestId, DateOnly NoticeOn, DateOnly HearingOn, bool ShortNotice)
{
    public Appearance Appearance { get; init; }
    public bool Spoke { get; init; }
    public Excuse Excuse { get; init; }

    public bool IsAnswered => Appearance != Appearance.Unspecified;

    /// <summary>True when a repeated notice request carries the same notice, so returning it is a safe retry.</summary>
    public bool IsSameNotice(DateOnly noticeOn, DateOnly hearingOn, bool shortNotice) =>
        NoticeOn == noticeOn && HearingOn == hearingOn && ShortNotice == shortNotice;
}
