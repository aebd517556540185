using Fazhi.Contracts.Litigation;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;

namespace Fazhi.Litigation.Domain;

/// <summary>
/// The rules of a notified hearing (最高人民法院关于行政机关负责人出庭应诉若干问题的规定, 2020): the notice is served at
/// least 3 days before the hearing, and the record of who appeared is consistent in itself.
/// </summary>
public static class NoticeRules
{
    /// <summary>Days between notice and hearing the court must leave, unless it set a shorter time itself.</summary>
    public const int MinDaysBeforeHearing = 3;

    public static void CheckDates(DateOnly noticeOn, DateOnly hearingOn, bool shortNotice, DateOnly filedOn, DateOnly today)
    {
        NotInFuture("noticeOn", noticeOn, today);
        NotBefore("noticeOn", noticeOn, "filedOn", filedOn);
        NotBefore("hearingOn", hearingOn, "noticeOn", noticeOn);
        if (!shortNotice && hearingOn.DayNumber - noticeOn.DayNumber < MinDaysBeforeHearing)
            throw new RuleViolationException("HEARING_TOO_SOON",
                $"The hearing on {hearingOn:yyyy-MM-dd} is under {MinDaysBeforeHearing} days after the notice of {noticeOn:yyyy-MM-dd}; " +
                "mark the notice as the court's short notice if the court set it so.");
    }

    /// <summary>Who appeared can only be known once the hearing has been held, and the parts must fit together.</summary>
    public static void CheckAppearance(CourtNotice notice, DateOnly today)
    {
        if (notice.HearingOn > today)
            throw new RuleViolationException("HEARING_NOT_YET_HELD", $"The hearing of notice {notice.Id} is on {notice.HearingOn:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}).");
        if (notice.Appearance is not (Appearance.Principal or Appearance.Deputy or Appearance.StaffExcused or Appearance.None))
            throw new RuleViolationException("APPEARANCE_UNKNOWN", $"Unknown appearance {notice.Appearance}.");
        var responsiblePersonAppeared = notice.Appearance is Appearance.Principal or Appearance.Deputy;
        if (notice.Appearance == Appearance.StaffExcused && notice.Excuse is not (Excuse.ForceMajeure or Excuse.Accident or Excuse.OfficialDuty or Excuse.Other))
            throw new RuleViolationException("EXCUSE_REQUIRED", "A staff member appearing instead of the responsible person needs one of the recognised excuses.");
        if (notice.Appearance != Appearance.StaffExcused && notice.Excuse != Excuse.Unspecified)
            throw new RuleViolationException("EXCUSE_NOT_ALLOWED", "An excuse is recorded only when a staff member appeared instead of the responsible person.");
        if (notice.Spoke && !responsiblePersonAppeared)
            throw new RuleViolationException("SPOKE_WITHOUT_APPEARANCE", "The responsible person can only have spoken in court if they appeared.");
    }
}
