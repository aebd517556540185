using Fazhi.Contracts.Disclosure;
using static Fazhi.Disclosure.Tests.TestRequests;

namespace Fazhi.Disclosure.Tests;

/// <summary>The moves a request may make, and every refusal naming its reason and leaving the request as it was.</summary>
public sealed class RequestRuleTests
{
    [Fact]
    public void A_request_concludes_with_exactly_one_outcome()
    {
        var r = Received();
        r.Conclude(D("2024-03-15"), Outcome.PartiallyDisclosed, Today);

        Assert.Equal(RequestStatus.Concluded, r.Status);
        var changed = r.ToChangedEvent(DateTimeOffset.UnixEpoch);
        Assert.Equal("OUTCOME_PARTIALLY_DISCLOSED", changed.Outcome);
        Assert.Equal("APPLICANT_TYPE_NATURAL_PERSON", changed.ApplicantType);
        Refused("REQUEST_ALREADY_CONCLUDED", r, () => r.Conclude(D("2024-03-16"), Outcome.Disclosed, Today));
    }

    [Fact]
    public void Extension_is_allowed_once_with_a_reason_and_at_most_20_working_days_within_the_period()
    {
        var r = Received("2024-03-01");
        Refused("REASON_REQUIRED", r, () => r.Extend(D("2024-03-10"), 20, " ", Schedules, Today));
        Refused("EXTENSION_TOO_LONG", r, () => r.Extend(D("2024-03-10"), 21, "复杂", Schedules, Today));
        Refused("REQUEST_OVERDUE", r, () => r.Extend(D("2024-04-10"), 20, "复杂", Schedules, Today));
        r.Extend(D("2024-03-10"), 10, "复杂", Schedules, Today);
        Refused("REQUEST_ALREADY_EXTENDED", r, () => r.Extend(D("2024-03-11"), 5, "复杂", Schedules, Today));
    }

    [Fact]
    public void Clarification_is_asked_once_within_seven_working_days()
    {
        var r = Received("2024-03-01");   // the 7th working day after is 12 March
        Refused("CLARIFICATION_TOO_LATE", r, () => r.RequestClarification(D("2024-03-13"), Schedules, Today));
        Refused("CLARIFICATION_NOT_REQUESTED", r, () => r.RecordClarification(D("2024-03-05"), Schedules, Today));
        r.RequestClarification(D("2024-03-12"), Schedules, Today);
        Refused("AWAITING_CLARIFICATION", r, () => r.Extend(D("2024-03-13"), 5, "复杂", Schedules, Today));
        Refused("AWAITING_CLARIFICATION", r, () => r.Conclude(D("2024-03-13"), Outcome.Disclosed, Today));
        Refused("DATE_OUT_OF_ORDER", r, () => r.RecordClarification(D("2024-03-11"), Schedules, Today));
        r.RecordClarification(D("2024-03-20"), Schedules, Today);
        Refused("CLARIFICATION_ALREADY_REQUESTED", r, () => r.RequestClarification(D("2024-03-21"), Schedules, Today));
    }

    [Fact]
    public void A_request_whose_clarification_never_came_ends_as_other_no_clarification()
    {
        var r = Received("2024-03-01");
        Refused("CLARIFICATION_NOT_REQUESTED", r, () => r.Conclude(D("2024-03-05"), Outcome.OtherNoClarification, Today));
        r.RequestClarification(D("2024-03-04"), Schedules, Today);
        r.Conclude(D("2024-05-06"), Outcome.OtherNoClarification, Today);
        Assert.Equal(RequestStatus.Concluded, r.Status);
    }

    [Fact]
    public void Dates_in_the_future_or_before_the_last_step_are_refused()
    {
        var error = Assert.Throws<Fazhi.ServiceDefaults.Errors.RuleViolationException>(() => Received("2025-01-01"));
        Assert.Equal("DATE_IN_FUTURE", error.Reason);
        var r = Received("2024-03-01");
        r.Extend(D("2024-03-10"), 10, "复杂", Schedules, Today);
        Refused("DATE_OUT_OF_ORDER", r, () => r.Conclude(D("2024-03-09"), Outcome.Disclosed, Today));
        Refused("DATE_IN_FUTURE", r, () => r.Conclude(D("2025-01-02"), Outcome.Disclosed, Today));
        Refused("OUTCOME_UNKNOWN", r, () => r.Conclude(D("2024-03-11"), Outcome.Unspecified, Today));
    }

    [Fact]
    public void A_voided_request_leaves_the_figures_and_takes_no_more_moves()
    {
        var r = Received();
        r.Void("录入错误");
        Assert.True(r.ToChangedEvent(DateTimeOffset.UnixEpoch).Voided);
        Refused("REQUEST_VOIDED", r, () => r.Conclude(D("2024-03-15"), Outcome.Disclosed, Today));
    }

    [Fact]
    public void A_new_schedule_recomputes_an_open_request_and_leaves_a_concluded_one()
    {
        var open = Received("2024-09-27");
        var version = open.Version;
        Assert.False(open.AdoptCalendar(Schedules, D("2024-12-31")));   // same schedule: nothing to do
        var concluded = Received("2024-09-27");
        concluded.Conclude(D("2024-10-08"), Outcome.Disclosed, Today);

        // Nobody works on 14 October in this schedule: the open request's period ends a working day later.
        var newer = Fazhi.Calendar.WorkingDayCalendar.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            """{"version": "test-2", "years": {"2024": {"holidays": [{"date": "2024-10-01", "name": "国庆节"}, {"date": "2024-10-14", "name": "测试假日"}], "workingWeekends": []}}}""")));
        Assert.True(open.AdoptCalendar(newer, D("2024-12-31")));
        Assert.False(concluded.AdoptCalendar(newer, D("2024-12-31")));
        Assert.Equal("test-2", open.CalendarVersion);
        Assert.Equal(version + 1, open.Version);
        Assert.Contains(open.Explain(newer).SkippedDays, s => s.Reason == "测试假日");
    }
}
