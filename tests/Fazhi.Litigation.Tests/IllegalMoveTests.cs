using Fazhi.Contracts.Litigation;
using static Fazhi.Litigation.Tests.TestCases;

namespace Fazhi.Litigation.Tests;

/// <summary>Every refusal names its reason and leaves the case as it was.</summary>
public sealed class IllegalMoveTests
{
    [Fact]
    public void A_lawsuit_filed_in_the_future_is_refused()
    {
        var error = Assert.Throws<Fazhi.ServiceDefaults.Errors.RuleViolationException>(() => Filed(filedOn: "2024-07-01"));
        Assert.Equal("DATE_IN_FUTURE", error.Reason);
    }

    [Fact]
    public void A_hearing_under_three_days_after_the_notice_is_refused()
    {
        var c = Filed();
        Refused("HEARING_TOO_SOON", c, () => c.Notice("2024-04-01", "2024-04-03"));
    }

    [Theory]
    [InlineData("2024-02-28", "2024-03-10")] // notice before the lawsuit was filed
    [InlineData("2024-04-10", "2024-04-01")] // hearing before the notice
    public void Notice_dates_out_of_order_are_refused(string noticeOn, string hearingOn)
    {
        var c = Filed();
        Refused("DATE_OUT_OF_ORDER", c, () => c.Notice(noticeOn, hearingOn, shortNotice: true));
    }

    [Fact]
    public void A_notice_dated_in_the_future_is_refused()
    {
        var c = Filed();
        Refused("DATE_IN_FUTURE", c, () => c.Notice("2024-07-01", "2024-07-10"));
    }

    [Fact]
    public void An_appearance_for_an_unknown_notice_is_refused()
    {
        var c = Filed();
        c.Notice();
        Refused("NOTICE_NOT_FOUND", c, () => c.RecordAppearance(Guid.NewGuid(), Appearance.Principal, true, Excuse.Unspecified, Today));
    }

    [Fact]
    public void A_second_appearance_for_one_notice_is_refused()
    {
        var c = Filed();
        var notice = c.Notice();
        c.RecordAppearance(notice.Id, Appearance.Principal, true, Excuse.Unspecified, Today);
        Refused("APPEARANCE_ALREADY_RECORDED", c, () => c.RecordAppearance(notice.Id, Appearance.None, false, Excuse.Unspecified, Today));
    }

    [Fact]
    public void An_appearance_before_the_hearing_was_held_is_refused()
    {
        var c = Filed();
        var notice = c.Notice("2024-06-25", "2024-07-05");
        Refused("HEARING_NOT_YET_HELD", c, () => c.RecordAppearance(notice.Id, Appearance.Principal, true, Excuse.Unspecified, Today));
    }

    [Theory]
    [InlineData(Appearance.StaffExcused, false, Excuse.Unspecified, "EXCUSE_REQUIRED")]
    [InlineData(Appearance.Principal, false, Excuse.Accident, "EXCUSE_NOT_ALLOWED")]
    [InlineData(Appearance.None, true, Excuse.Unspecified, "SPOKE_WITHOUT_APPEARANCE")]
    [InlineData(Appearance.StaffExcused, true, Excuse.ForceMajeure, "SPOKE_WITHOUT_APPEARANCE")]
    [InlineData(Appearance.Unspecified, false, Excuse.Unspecified, "APPEARANCE_UNKNOWN")]
    public void An_inconsistent_appearance_is_refused(Appearance appearance, bool spoke, Excuse excuse, string reason)
    {
        var c = Filed();
        var notice = c.Notice();
        Refused(reason, c, () => c.RecordAppearance(notice.Id, appearance, spoke, excuse, Today));
    }

    [Fact]
    public void A_second_judgment_is_refused()
    {
        var c = Filed();
        c.RecordJudgment(D("2024-05-20"), Judgment.Won, Today);
        Refused("JUDGMENT_ALREADY_RECORDED", c, () => c.RecordJudgment(D("2024-05-21"), Judgment.Lost, Today));
    }

    [Theory]
    [InlineData("2024-02-29", "DATE_OUT_OF_ORDER")] // before the filing
    [InlineData("2024-03-31", "DATE_OUT_OF_ORDER")] // before the court's notice
    [InlineData("2024-07-01", "DATE_IN_FUTURE")]
    public void A_judgment_dated_out_of_order_is_refused(string judgedOn, string reason)
    {
        var c = Filed();
        c.Notice();
        Refused(reason, c, () => c.RecordJudgment(D(judgedOn), Judgment.Won, Today));
    }

    [Fact]
    public void No_notice_is_added_to_a_judged_case()
    {
        var c = Filed();
        c.RecordJudgment(D("2024-05-20"), Judgment.Won, Today);
        Refused("CASE_JUDGED", c, () => c.Notice("2024-05-21", "2024-06-01"));
    }

    [Fact]
    public void A_voided_case_takes_no_further_step()
    {
        var c = Filed();
        var notice = c.Notice();
        c.Void("entered twice");
        Refused("CASE_VOIDED", c, () => c.Notice("2024-04-02", "2024-04-10"));
        Refused("CASE_VOIDED", c, () => c.RecordAppearance(notice.Id, Appearance.Principal, true, Excuse.Unspecified, Today));
        Refused("CASE_VOIDED", c, () => c.RecordJudgment(D("2024-05-20"), Judgment.Won, Today));
        Refused("CASE_VOIDED", c, () => c.Correct(new CaseCorrection("typo") { Defendant = "区政府" }, Today));
        Refused("CASE_VOIDED", c, () => c.Void("again"));
    }
}
