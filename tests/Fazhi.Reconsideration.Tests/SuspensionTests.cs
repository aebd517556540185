using Fazhi.Reconsideration.Domain;
using Fazhi.Contracts.Reconsideration;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>中止 stops the clock: no deadline while suspended, and the deadline moves by the suspended days.</summary>
public class SuspensionTests
{
    [Fact]
    public void Suspension_clears_the_deadline()
    {
        var c = Accepted(acceptedOn: "2024-03-01");

        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        Assert.Equal(3, c.Version);
        Assert.Equal(CaseStatus.Suspended, c.Status);
        Assert.Equal(D("2024-03-10"), c.SuspendedOn);
        Assert.Null(c.Deadline);
    }

    [Fact]
    public void Resume_moves_the_deadline_by_the_suspended_days()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due Tue 2024-04-30
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        c.Resume(D("2024-03-20"), Today, WorkingDays);

        Assert.Equal(4, c.Version);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Null(c.SuspendedOn);
        Assert.Equal(10, c.SuspendedDays);
        Assert.Equal(D("2024-05-10"), c.Deadline); // 3/1 + 70 days = Fri 5/10
    }

    [Fact]
    public void Suspensions_accumulate_and_the_end_still_moves_off_a_weekend()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        c.Resume(D("2024-03-20"), Today, WorkingDays);
        c.Suspend(D("2024-04-01"), Today, WorkingDays);
        c.Resume(D("2024-04-03"), Today, WorkingDays);

        Assert.Equal(12, c.SuspendedDays);
        // 3/1 + 72 days = Sun 5/12 (only Sat 5/11 was a 劳动节 make-up day) → Mon 5/13.
        Assert.Equal(D("2024-05-13"), c.Deadline);
        Assert.Equal(6, c.Version);
    }

    [Fact]
    public void Suspended_and_resumed_on_the_same_day_changes_nothing_but_the_version()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        c.Resume(D("2024-03-10"), Today, WorkingDays);

        Assert.Equal(0, c.SuspendedDays);
        Assert.Equal(D("2024-04-30"), c.Deadline);
    }

    [Fact]
    public void Suspension_and_extension_add_up()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Extend(D("2024-03-05"), 10, "案情复杂", Today, WorkingDays);
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        c.Resume(D("2024-03-15"), Today, WorkingDays);

        // 3/1 + 60 + 10 + 5 = 75 days = Wed 5/15.
        Assert.Equal(D("2024-05-15"), c.Deadline);
    }

    [Fact]
    public void Deciding_a_suspended_case_gives_it_the_shifted_deadline_and_a_later_correction_keeps_it()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        c.Decide(D("2024-03-25"), Decision.Maintain, Today, WorkingDays);

        // 60 days plus the 15 suspended: Wednesday 2024-05-15.
        Assert.Equal(D("2024-05-15"), c.Deadline);
        Assert.Equal(15, c.SuspendedDays);
        c.Correct(new CaseCorrection("被申请人名称录入错误") { Respondent = "郑州市金水区人民政府" }, Today, WorkingDays);
        Assert.Equal(D("2024-05-15"), c.Deadline);
    }

    [Fact]
    public void A_correction_cannot_move_acceptance_after_the_suspension()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        Assert.Throws<Fazhi.ServiceDefaults.Errors.RuleViolationException>(() =>
            c.Correct(new CaseCorrection("受理日期录入错误") { AcceptedOn = D("2024-03-15") }, Today, WorkingDays));
        Assert.Equal(D("2024-03-01"), c.AcceptedOn);
        Assert.Equal(3, c.Version);
    }
}

/// <summary>Suspension intervals never overlap, and suspending an overdue case does not hide the days it was overdue.</summary>
public class SuspensionIntervalTests
{
    [Fact]
    public void A_suspension_inside_an_earlier_one_is_refused()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        c.Resume(D("2024-03-20"), Today, WorkingDays);

        var refused = Assert.Throws<Fazhi.ServiceDefaults.Errors.RuleViolationException>(() => c.Suspend(D("2024-03-12"), Today, WorkingDays));

        Assert.Equal("SUSPENSIONS_OVERLAP", refused.Reason);
        Assert.Equal(10, c.SuspendedDays);
        Assert.Equal(D("2024-05-10"), c.Deadline);
    }

    [Fact]
    public void Suspending_an_overdue_case_keeps_its_past_overdue_days_and_does_not_stop_the_clock()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due 4/30
        var overdueBefore = Days("2024-04-25", "2024-05-20").Select(c.IsOverdueOn).ToList();

        c.Suspend(D("2024-05-10"), Today, WorkingDays);
        c.Resume(D("2024-05-20"), Today, WorkingDays);

        Assert.False(c.Suspensions[0].StoppedClock);
        Assert.Equal(D("2024-04-30"), c.Deadline);
        Assert.Equal(overdueBefore, Days("2024-04-25", "2024-05-20").Select(c.IsOverdueOn).ToList());
    }

    [Fact]
    public void Correcting_the_decision_date_recounts_the_suspension_it_ended()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        c.Decide(D("2024-03-25"), Decision.Maintain, Today, WorkingDays);
        Assert.Equal(15, c.SuspendedDays);

        c.Correct(new CaseCorrection("结案日期录入错误") { DecidedOn = D("2024-03-30") }, Today, WorkingDays);

        Assert.Equal(20, c.SuspendedDays);
        Assert.Equal(D("2024-03-30"), c.Suspensions[0].To);
    }

    private static IEnumerable<DateOnly> Days(string from, string to)
    {
        for (var d = D(from); d <= D(to); d = d.AddDays(1)) yield return d;
    }
}
