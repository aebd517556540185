using Fazhi.Contracts.Litigation;
using static Fazhi.Litigation.Tests.TestCases;

namespace Fazhi.Litigation.Tests;

public sealed class LegalMoveTests
{
    [Fact]
    public void A_lawsuit_is_filed_open_at_version_1()
    {
        var c = Filed();
        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Equal(1, c.Version);
        Assert.Equal("(2024)豫0105行初12号", c.CaseNumber);
        Assert.Empty(c.Notices);
    }

    [Fact]
    public void Notice_appearance_and_judgment_each_bump_the_version()
    {
        var c = Filed();
        var notice = c.Notice();
        c.RecordAppearance(notice.Id, Appearance.Principal, spoke: true, Excuse.Unspecified, Today);
        c.RecordJudgment(D("2024-05-20"), Judgment.Lost, Today);

        Assert.Equal(4, c.Version);
        Assert.Equal(CaseStatus.Judged, c.Status);
        var answered = Assert.Single(c.Notices);
        Assert.Equal(Appearance.Principal, answered.Appearance);
        Assert.True(answered.Spoke);
        Assert.Equal(Judgment.Lost, c.Judgment);
    }

    [Fact]
    public void The_court_may_set_a_hearing_under_three_days_away_when_marked_as_its_short_notice()
    {
        var c = Filed();
        var notice = c.Notice("2024-04-01", "2024-04-02", shortNotice: true);
        Assert.True(notice.ShortNotice);
    }

    [Fact]
    public void A_hearing_exactly_three_days_after_the_notice_needs_no_short_notice()
    {
        var c = Filed();
        Assert.Equal(D("2024-04-04"), c.Notice("2024-04-01", "2024-04-04").HearingOn);
    }

    [Fact]
    public void Repeating_a_notice_request_returns_the_same_notice_and_changes_nothing()
    {
        var c = Filed();
        var requestId = Guid.NewGuid();
        var first = c.AddNotice(requestId, D("2024-04-01"), D("2024-04-10"), false, Today);
        var again = c.AddNotice(requestId, D("2024-04-01"), D("2024-04-10"), false, Today);
        Assert.Equal(first, again);
        Assert.Single(c.Notices);
        Assert.Equal(2, c.Version);
    }

    [Fact]
    public void Reusing_a_notice_request_id_for_other_dates_is_a_conflict()
    {
        var c = Filed();
        var requestId = Guid.NewGuid();
        c.AddNotice(requestId, D("2024-04-01"), D("2024-04-10"), false, Today);
        var error = Assert.Throws<Fazhi.ServiceDefaults.Errors.ConflictException>(() => c.AddNotice(requestId, D("2024-04-02"), D("2024-04-10"), false, Today));
        Assert.Equal("REQUEST_ID_REUSED", error.Reason);
    }

    [Theory]
    [InlineData(Appearance.Deputy, true, Excuse.Unspecified)]
    [InlineData(Appearance.StaffExcused, false, Excuse.OfficialDuty)]
    [InlineData(Appearance.None, false, Excuse.Unspecified)]
    public void Every_kind_of_appearance_can_be_recorded(Appearance appearance, bool spoke, Excuse excuse)
    {
        var c = Filed();
        var notice = c.Notice();
        c.RecordAppearance(notice.Id, appearance, spoke, excuse, Today);
        Assert.Equal(appearance, c.Notices[0].Appearance);
        Assert.Equal(excuse, c.Notices[0].Excuse);
    }

    [Fact]
    public void An_appearance_can_still_be_recorded_after_the_judgment()
    {
        var c = Filed();
        var notice = c.Notice();
        c.RecordJudgment(D("2024-05-20"), Judgment.Won, Today);
        c.RecordAppearance(notice.Id, Appearance.Deputy, false, Excuse.Unspecified, Today);
        Assert.True(c.Notices[0].IsAnswered);
    }

    [Fact]
    public void The_state_event_carries_the_lawsuit_its_notices_and_the_judgment()
    {
        var c = Filed();
        var notice = c.Notice();
        c.Notice("2024-04-20", "2024-04-30");
        c.RecordAppearance(notice.Id, Appearance.Deputy, true, Excuse.Unspecified, Today);
        c.RecordJudgment(D("2024-05-20"), Judgment.Mediated, Today);

        var e = c.ToChangedEvent(DateTimeOffset.UnixEpoch);
        Assert.Equal((c.Id, 5L, "410105", "INSTANCE_FIRST", D("2024-03-01")), (e.CaseId, e.Version, e.Org, e.Instance, e.FiledOn));
        Assert.Equal(["APPEARANCE_DEPUTY", null], e.Notices.Select(n => n.Appearance));
        Assert.True(e.Notices[0].Spoke);
        Assert.Equal((D("2024-05-20"), "JUDGMENT_MEDIATED", false), (e.JudgedOn!.Value, e.Judgment, e.Voided));
        Assert.Equal("CASE_STATUS_JUDGED", e.Status);
    }
}
