using Fazhi.Contracts.Litigation;
using static Fazhi.Litigation.Tests.TestCases;

namespace Fazhi.Litigation.Tests;

public sealed class CorrectionTests
{
    [Fact]
    public void A_correction_moves_dates_and_codes_and_bumps_the_version()
    {
        var c = Filed();
        var notice = c.Notice();
        c.RecordAppearance(notice.Id, Appearance.Deputy, false, Excuse.Unspecified, Today);
        c.RecordJudgment(D("2024-05-20"), Judgment.Won, Today);

        c.Correct(new CaseCorrection("案号录错, 判决结果录错")
        {
            FiledOn = D("2024-02-20"),
            Instance = Instance.Second,
            Judgment = Judgment.Lost,
            Notices = [new NoticeCorrection(notice.Id) { NoticeOn = D("2024-03-30"), Appearance = Appearance.Principal, Spoke = true }],
        }, Today);

        Assert.Equal(5, c.Version);
        Assert.Equal((D("2024-02-20"), Instance.Second, Judgment.Lost), (c.FiledOn, c.Instance, c.Judgment));
        Assert.Equal((D("2024-03-30"), Appearance.Principal, true), (c.Notices[0].NoticeOn, c.Notices[0].Appearance, c.Notices[0].Spoke));
    }

    [Fact]
    public void A_corrected_case_must_still_obey_every_rule()
    {
        var c = Filed();
        var notice = c.Notice();
        Refused("DATE_OUT_OF_ORDER", c, () => c.Correct(new CaseCorrection("x") { FiledOn = D("2024-04-02") }, Today));
        Refused("HEARING_TOO_SOON", c, () => c.Correct(new CaseCorrection("x") { Notices = [new NoticeCorrection(notice.Id) { HearingOn = D("2024-04-02") }] }, Today));
        Refused("NOTICE_NOT_FOUND", c, () => c.Correct(new CaseCorrection("x") { Notices = [new NoticeCorrection(Guid.NewGuid()) { HearingOn = D("2024-04-12") }] }, Today));
    }

    [Fact]
    public void Only_steps_the_case_has_taken_can_be_corrected()
    {
        var c = Filed();
        var notice = c.Notice();
        Refused("NOT_JUDGED", c, () => c.Correct(new CaseCorrection("x") { Judgment = Judgment.Lost }, Today));
        Refused("APPEARANCE_NOT_RECORDED", c, () => c.Correct(new CaseCorrection("x") { Notices = [new NoticeCorrection(notice.Id) { Appearance = Appearance.None }] }, Today));
    }

    [Fact]
    public void A_correction_needs_a_reason_and_a_void_too()
    {
        var c = Filed();
        Refused("REASON_REQUIRED", c, () => c.Correct(new CaseCorrection(" ") { Defendant = "区政府" }, Today));
        Refused("REASON_REQUIRED", c, () => c.Void(""));
    }

    [Fact]
    public void A_voided_case_says_so_in_its_event()
    {
        var c = Filed();
        c.Void("logged by mistake");
        var e = c.ToChangedEvent(DateTimeOffset.UnixEpoch);
        Assert.True(e.Voided);
        Assert.Equal(2, e.Version);
    }
}
