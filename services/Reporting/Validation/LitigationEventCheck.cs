using System.Collections.Frozen;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Litigation;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// A 行政应诉 case's visible invariants: known codes, the filing, notices and judgment dated in range and after the
/// filing, each hearing on or after its notice, judged ⇔ a judgment date and a judgment, voided ⇔ status VOIDED.
/// </summary>
public static class LitigationEventCheck
{
    private static readonly FrozenSet<string> Statuses = ProtoCodes.Of<CaseStatus>(withUnspecified: false);
    private static readonly FrozenSet<string> Instances = ProtoCodes.Of<Instance>(withUnspecified: false);
    private static readonly FrozenSet<string> Categories = ProtoCodes.Of<ActCategory>();
    private static readonly FrozenSet<string> Appearances = ProtoCodes.Of<Appearance>();
    private static readonly FrozenSet<string> Judgments = ProtoCodes.Of<Judgment>();
    private static readonly string Voided = Fazhi.ServiceDefaults.ProtoEnum.Name(CaseStatus.Voided);
    private static readonly string Judged = Fazhi.ServiceDefaults.ProtoEnum.Name(CaseStatus.Judged);

    public static EventRejection? Check(LitigationCaseChanged e, EventLimits limits, DateOnly today)
    {
        var check = new EventCheck(limits, today, e.CaseId, e.Version, e.Org)
            .Code("status", e.Status, Statuses, required: true)
            .Code("instance", e.Instance, Instances, required: true)
            .Code("category", e.Category, Categories, required: true)
            .Code("judgment", e.Judgment, Judgments)
            .Happened("filedOn", e.FiledOn)
            .Happened("judgedOn", e.JudgedOn)
            .NotBefore("judgedOn", e.JudgedOn, "filedOn", e.FiledOn)
            .Items("notices", e.Notices)
            .Consistent((e.JudgedOn is null) == (e.Judgment is null), "judgedOn and judgment must come together")
            .Consistent(e.Status != Judged || e.JudgedOn is not null, $"status {e.Status} without judgedOn")
            .Consistent(e.Voided == (e.Status == Voided), $"voided {e.Voided} with status {e.Status}");
        if (!check.Passed) return check.Rejection;
        foreach (var notice in e.Notices)
        {
            check.Consistent(notice is not null && notice.NoticeId != Guid.Empty, "a notice without an id");
            if (!check.Passed) break;
            check.Happened("notices.noticeOn", notice!.NoticeOn)
                .Planned("notices.hearingOn", notice.HearingOn)
                .NotBefore("notices.noticeOn", notice.NoticeOn, "filedOn", e.FiledOn)
                .NotBefore("notices.hearingOn", notice.HearingOn, "notices.noticeOn", notice.NoticeOn)
                .Code("notices.appearance", notice.Appearance, Appearances);
        }
        return check.Rejection;
    }
}
