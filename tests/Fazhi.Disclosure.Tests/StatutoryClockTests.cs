using Fazhi.Contracts.Disclosure;
using static Fazhi.Disclosure.Tests.TestRequests;

namespace Fazhi.Disclosure.Tests;

/// <summary>
/// The 20-working-day answer period on the real holiday schedules: a request received just before the Spring
/// Festival or National Day is due later than a Monday-to-Friday count says, and its due date names the skipped days.
/// </summary>
public sealed class StatutoryClockTests
{
    [Fact]
    public void Received_just_before_the_2023_Spring_Festival_the_holiday_is_skipped_and_the_adjusted_weekend_counts()
    {
        // 2023: 1月21日–27日 春节 off, Saturday 28 and Sunday 29 January worked (调休). Monday to Friday would say 16 February.
        var r = Received("2023-01-19");

        Assert.Equal(D("2023-02-21"), r.DueOn);
        var skipped = r.Explain(Schedules).SkippedDays;
        Assert.Equal(Enumerable.Range(21, 7).Select(d => new DateOnly(2023, 1, d)), skipped.Where(s => s.Reason == "春节").Select(s => s.Date));
        Assert.DoesNotContain(skipped, s => s.Date == D("2023-01-28") || s.Date == D("2023-01-29"));
        Assert.Contains(skipped, s => s.Date == D("2023-02-04") && s.Reason == "周末");
        Assert.Null(r.CalendarWarning);
        Assert.Equal(Schedules.Version, r.CalendarVersion);
    }

    [Fact]
    public void Received_just_before_the_2024_National_Day_the_holiday_is_skipped_and_the_adjusted_days_count()
    {
        // 2024: 10月1日–7日 国庆节 off, Sunday 29 September and Saturday 12 October worked.
        var r = Received("2024-09-27");

        Assert.Equal(D("2024-10-30"), r.DueOn);
        var skipped = r.Explain(Schedules).SkippedDays;
        Assert.Equal(7, skipped.Count(s => s.Reason == "国庆节"));
        Assert.Contains(skipped, s => s.Date == D("2024-09-28") && s.Reason == "周末");
        Assert.DoesNotContain(skipped, s => s.Date == D("2024-09-29") || s.Date == D("2024-10-12"));
    }

    [Fact]
    public void Clarification_stops_the_clock_and_the_stopped_working_days_are_added()
    {
        var r = Received("2024-09-27");
        r.RequestClarification(D("2024-09-30"), Schedules, Today);   // 2 working days used (29 and 30 September)

        Assert.Equal(RequestStatus.AwaitingClarification, r.Status);
        Assert.Null(r.DueOn);   // no due date while the clock stands
        Assert.False(r.IsOverdue(D("2024-12-31")));

        r.RecordClarification(D("2024-10-10"), Schedules, Today);   // stopped over 8, 9 and 10 October (the holiday is no working day)

        Assert.Equal(3, r.StoppedWorkingDays);
        // The 18 working days left run from 11 October: 12 October is worked, so the last is 4 November.
        Assert.Equal(D("2024-11-04"), r.DueOn);
    }

    [Fact]
    public void An_extension_adds_its_working_days_to_the_period()
    {
        var r = Received("2023-01-19");
        r.Extend(D("2023-02-10"), 20, "需要调取档案", Schedules, Today);

        Assert.Equal(D("2023-03-21"), r.DueOn);
        Assert.Equal(20, r.ExtensionWorkingDays);
    }

    [Fact]
    public void A_request_is_overdue_only_after_its_due_date_and_only_while_open()
    {
        var r = Received("2023-01-19");

        Assert.False(r.IsOverdue(D("2023-02-21")));
        Assert.True(r.IsOverdue(D("2023-02-22")));
        r.Conclude(D("2023-02-23"), Outcome.Disclosed, Today);
        Assert.False(r.IsOverdue(D("2023-02-24")));
    }

    [Fact]
    public void A_year_without_a_schedule_is_judged_Monday_to_Friday_with_a_warning()
    {
        var r = DisclosureRequest.Receive(Guid.NewGuid(), "410105", D("2030-12-20"), Fazhi.Contracts.Common.ApplicantType.NaturalPerson, "x",
            Schedules, D("2030-12-31"));

        Assert.NotNull(r.CalendarWarning);
        Assert.Contains("2030", r.CalendarWarning);
    }
}
