using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Litigation;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;

namespace Fazhi.Litigation.Domain;

/// <summary>
/// One 行政应诉 lawsuit against a body of the organisation: the courts' notices requiring the responsible person to
/// appear, what happened at each notified hearing, and the judgment. Every transition checks the current state and the
/// order of business dates and refuses illegal moves with a reason; each accepted change bumps <see cref="Version"/>.
/// </summary>
public sealed class LitigationCase : ICase<LitigationCaseChanged>
{
    private List<CourtNotice> _notices = [];

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public string Court { get; private set; } = "";
    public string CaseNumber { get; private set; } = "";
    public Instance Instance { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public ActCategory Category { get; private set; }
    public bool AfterReconsideration { get; private set; }
    public string Defendant { get; private set; } = "";
    public bool ReconsiderationBodyCoDefendant { get; private set; }
    public CaseStatus Status { get; private set; }
    public IReadOnlyList<CourtNotice> Notices => _notices;
    public DateOnly? JudgedOn { get; private set; }
    public Judgment Judgment { get; private set; }
    public string? VoidReason { get; private set; }
    public long Version { get; private set; }

    private LitigationCase() { }

    public static LitigationCase File(Guid requestId, string org, Lawsuit lawsuit, DateOnly today)
    {
        CheckLawsuit(lawsuit, today);
        var filed = new LitigationCase { Id = Guid.CreateVersion7(), RequestId = requestId, Org = org, Status = CaseStatus.Open, Version = 1 };
        filed.SetLawsuit(lawsuit);
        return filed;
    }

    public Lawsuit Lawsuit => new(Court, CaseNumber, Instance, FiledOn, Category, AfterReconsideration, Defendant, ReconsiderationBodyCoDefendant);

    /// <summary>True when a repeated create carries the same lawsuit, so returning this case is a safe retry.</summary>
    public bool IsSameLawsuit(string org, Lawsuit lawsuit) => Org == org && Lawsuit == lawsuit;

    /// <summary>
    /// Records a court notice; a repeated request (same <paramref name="requestId"/>) returns the notice it recorded and
    /// changes nothing, and is ALREADY_EXISTS if it carries a different notice.
    /// </summary>
    public CourtNotice AddNotice(Guid requestId, DateOnly noticeOn, DateOnly hearingOn, bool shortNotice, DateOnly today)
    {
        if (_notices.Find(n => n.RequestId == requestId) is { } earlier)
        {
            return earlier.IsSameNotice(noticeOn, hearingOn, shortNotice)
                ? earlier
                : throw new ConflictException($"requestId {requestId} was already used for notice {earlier.Id} with different dates.");
        }
        RequireOpen("add a notice to");
        NoticeRules.CheckDates(noticeOn, hearingOn, shortNotice, FiledOn, today);
        var notice = new CourtNotice(Guid.CreateVersion7(), requestId, noticeOn, hearingOn, shortNotice);
        _notices = [.. _notices, notice];
        Version++;
        return notice;
    }

    /// <summary>Who appeared at the notified hearing; once per notice (a correction changes it).</summary>
    public void RecordAppearance(Guid noticeId, Appearance appearance, bool spoke, Excuse excuse, DateOnly today)
    {
        RequireNotVoided("record an appearance for");
        var notice = FindNotice(noticeId);
        if (notice.IsAnswered)
            throw new RuleViolationException("APPEARANCE_ALREADY_RECORDED", $"The appearance for notice {noticeId} is already recorded; correct it instead.");
        var answered = notice with { Appearance = appearance, Spoke = spoke, Excuse = excuse };
        NoticeRules.CheckAppearance(answered, today);
        _notices = _notices.Select(n => n.Id == noticeId ? answered : n).ToList();
        Version++;
    }

    public void RecordJudgment(DateOnly judgedOn, Judgment judgment, DateOnly today)
    {
        RequireNotVoided("record a judgment for");
        if (Status == CaseStatus.Judged)
            throw new RuleViolationException("JUDGMENT_ALREADY_RECORDED", $"Case {Id} already has its judgment of {JudgedOn:yyyy-MM-dd}; correct it instead.");
        CheckJudgment(judgedOn, judgment, FiledOn, _notices, today);
        JudgedOn = judgedOn;
        Judgment = judgment;
        Status = CaseStatus.Judged;
        Version++;
    }

    /// <summary>
    /// Fixes wrongly entered facts without changing the case's stage: only steps the case has taken can be corrected,
    /// and the corrected case must obey every rule a new one would.
    /// </summary>
    public void Correct(CaseCorrection correction, DateOnly today)
    {
        RequireNotVoided("correct");
        if (string.IsNullOrWhiteSpace(correction.Reason)) throw new RuleViolationException("REASON_REQUIRED", "A correction needs a reason.");
        if ((correction.JudgedOn is not null || correction.Judgment is not null) && Status != CaseStatus.Judged)
            throw new RuleViolationException("NOT_JUDGED", "judgedOn and judgment can only be corrected on a judged case.");

        var lawsuit = new Lawsuit(
            correction.Court ?? Court, correction.CaseNumber ?? CaseNumber, correction.Instance ?? Instance, correction.FiledOn ?? FiledOn,
            correction.Category ?? Category, correction.AfterReconsideration ?? AfterReconsideration, correction.Defendant ?? Defendant,
            correction.ReconsiderationBodyCoDefendant ?? ReconsiderationBodyCoDefendant);
        CheckLawsuit(lawsuit, today);
        var notices = _notices.Select(n => Corrected(n, correction.Notices)).ToList();
        foreach (var unknown in correction.Notices.Where(c => _notices.All(n => n.Id != c.NoticeId))) FindNotice(unknown.NoticeId);
        foreach (var notice in notices)
        {
            NoticeRules.CheckDates(notice.NoticeOn, notice.HearingOn, notice.ShortNotice, lawsuit.FiledOn, today);
            if (notice.IsAnswered) NoticeRules.CheckAppearance(notice, today);
        }
        var judgedOn = correction.JudgedOn ?? JudgedOn;
        var judgment = correction.Judgment ?? Judgment;
        if (judgedOn is { } judged) CheckJudgment(judged, judgment, lawsuit.FiledOn, notices, today);

        SetLawsuit(lawsuit);
        _notices = notices;
        JudgedOn = judgedOn;
        Judgment = judgment;
        Version++;
    }

    /// <summary>Withdraws a case logged by mistake: it keeps its history but leaves every figure.</summary>
    public void Void(string reason)
    {
        RequireNotVoided("void");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("REASON_REQUIRED", "Voiding a case needs a reason.");
        VoidReason = reason;
        Status = CaseStatus.Voided;
        Version++;
    }

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public LitigationCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Status = ProtoEnum.Name(Status),
        Instance = ProtoEnum.Name(Instance),
        FiledOn = FiledOn,
        Category = ProtoEnum.Name(Category),
        AfterReconsideration = AfterReconsideration,
        ReconsiderationBodyCoDefendant = ReconsiderationBodyCoDefendant,
        Notices = _notices
            .Select(n => new LitigationNoticeState(n.Id, n.NoticeOn, n.HearingOn, n.IsAnswered ? ProtoEnum.Name(n.Appearance) : null, n.Spoke))
            .ToList(),
        JudgedOn = JudgedOn,
        Judgment = JudgedOn is null ? null : ProtoEnum.Name(Judgment),
        Voided = Status == CaseStatus.Voided,
        ChangedAt = changedAt,
    };

    private void SetLawsuit(Lawsuit lawsuit) =>
        (Court, CaseNumber, Instance, FiledOn, Category, AfterReconsideration, Defendant, ReconsiderationBodyCoDefendant) =
        (lawsuit.Court, lawsuit.CaseNumber, lawsuit.Instance, lawsuit.FiledOn, lawsuit.Category, lawsuit.AfterReconsideration, lawsuit.Defendant,
         lawsuit.ReconsiderationBodyCoDefendant);

    private CourtNotice FindNotice(Guid noticeId) =>
        _notices.Find(n => n.Id == noticeId)
        ?? throw new RuleViolationException("NOTICE_NOT_FOUND", $"Case {Id} has no notice {noticeId}.");

    private static CourtNotice Corrected(CourtNotice notice, IReadOnlyList<NoticeCorrection> corrections)
    {
        if (corrections.FirstOrDefault(c => c.NoticeId == notice.Id) is not { } c) return notice;
        if (!notice.IsAnswered && (c.Appearance is not null || c.Spoke is not null || c.Excuse is not null))
            throw new RuleViolationException("APPEARANCE_NOT_RECORDED", $"No appearance is recorded for notice {notice.Id} yet: record it instead.");
        return notice with
        {
            NoticeOn = c.NoticeOn ?? notice.NoticeOn,
            HearingOn = c.HearingOn ?? notice.HearingOn,
            ShortNotice = c.ShortNotice ?? notice.ShortNotice,
            Appearance = c.Appearance ?? notice.Appearance,
            Spoke = c.Spoke ?? notice.Spoke,
            Excuse = c.Excuse ?? notice.Excuse,
        };
    }

    private static void CheckLawsuit(Lawsuit lawsuit, DateOnly today)
    {
        if (lawsuit.Instance is not (Instance.First or Instance.Second or Instance.Retrial))
            throw new RuleViolationException("INSTANCE_UNKNOWN", $"Unknown instance {lawsuit.Instance}.");
        NotInFuture("filedOn", lawsuit.FiledOn, today);
        // Only a lawsuit brought after a reconsideration has a reconsideration body to sue alongside the original one.
        if (lawsuit.ReconsiderationBodyCoDefendant && !lawsuit.AfterReconsideration)
            throw new RuleViolationException("CO_DEFENDANT_WITHOUT_RECONSIDERATION",
                "reconsiderationBodyCoDefendant needs afterReconsideration: a lawsuit brought directly has no reconsideration body.");
    }

    private static void CheckJudgment(DateOnly judgedOn, Judgment judgment, DateOnly filedOn, IReadOnlyList<CourtNotice> notices, DateOnly today)
    {
        if (judgment is not (Judgment.Won or Judgment.Lost or Judgment.Withdrawn or Judgment.Mediated or Judgment.Other))
            throw new RuleViolationException("JUDGMENT_UNKNOWN", $"Unknown judgment {judgment}.");
        NotInFuture("judgedOn", judgedOn, today);
        NotBefore("judgedOn", judgedOn, "filedOn", filedOn);
        // The court served every notice before it judged (a hearing it noticed may still have been cancelled by a withdrawal).
        if (notices.Count > 0) NotBefore("judgedOn", judgedOn, "the last notice", notices.Max(n => n.NoticeOn));
    }

    private void RequireOpen(string action)
    {
        RequireNotVoided(action);
        if (Status == CaseStatus.Judged)
            throw new RuleViolationException("CASE_JUDGED", $"Cannot {action} case {Id}: it was judged on {JudgedOn:yyyy-MM-dd}.");
    }

    private void RequireNotVoided(string action)
    {
        if (Status == CaseStatus.Voided) throw new RuleViolationException("CASE_VOIDED", $"Cannot {action} case {Id}: it is voided.");
    }
}
