using Fazhi.Reconsideration.Domain;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>One extension of 1–30 days, ordinary procedure only.</summary>
public class ExtensionTests
{
    [Fact]
    public void Extension_adds_its_days_to_the_deadline()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due Tue 2024-04-30

        c.Extend(D("2024-03-05"), 30, "案情复杂", Today, WorkingDays);

        Assert.Equal(3, c.Version);
        Assert.Equal(30, c.ExtensionDays);
        Assert.Equal("案情复杂", c.ExtensionReason);
        Assert.Equal(D("2024-05-30"), c.Deadline); // 3/1 + 90 days = Thu 5/30
    }

    [Fact]
    public void Extended_period_ending_in_national_day_moves_to_the_make_up_saturday()
    {
        // 2023-07-03 + 60 = Fri 9/1; + 90 = 10/1, inside 中秋国庆 9/29–10/6; Sat 10/7 was a 调休 working day.
        var c = Accepted("2023-06-30", "2023-07-03");
        Assert.Equal(D("2023-09-01"), c.Deadline);

        c.Extend(D("2023-08-30"), 30, "案情复杂", Today, WorkingDays);

        Assert.Equal(D("2023-10-07"), c.Deadline);
    }

    [Fact]
    public void Extending_a_simplified_case_is_refused()
    {
        var c = Accepted(acceptedOn: "2024-03-01", procedure: Procedure.Simplified);
        Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-03-05"), 10, "reason", Today, WorkingDays));
        Assert.Equal(0, c.ExtensionDays);
        Assert.Equal(2, c.Version);
    }

    [Fact]
    public void Extending_twice_is_refused()
    {
        var c = Accepted();
        c.Extend(D("2024-03-05"), 10, "first", Today, WorkingDays);
        Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-03-05"), 10, "second", Today, WorkingDays));
        Assert.Equal(10, c.ExtensionDays);
        Assert.Equal(3, c.Version);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Extension_outside_1_to_30_days_is_refused(int days)
    {
        var c = Accepted();
        Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-03-05"), days, "reason", Today, WorkingDays));
        Assert.Equal(0, c.ExtensionDays);
        Assert.Equal(D("2024-04-30"), c.Deadline);
    }

    [Fact]
    public void Extending_before_acceptance_is_refused()
    {
        var c = Received(); // review ends 3/4
        var refused = Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-02-28"), 10, "reason", Today, WorkingDays));
        Assert.Equal("CASE_NOT_ACCEPTED", refused.Reason);
    }
}

/// <summary>An extension is decided on or before the deadline then in force; later, it is refused and the overdue days stay.</summary>
public class TimelyExtensionTests
{
    [Fact]
    public void An_extension_after_the_deadline_is_refused_and_the_case_stays_overdue()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due 4/30

        var refused = Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-05-14"), 30, "案情复杂", Today, WorkingDays));

        Assert.Equal("EXTENSION_TOO_LATE", refused.Reason);
        Assert.Equal(D("2024-04-30"), c.Deadline);
        Assert.True(c.IsOverdueOn(D("2024-05-14")));
    }

    [Fact]
    public void An_extension_on_the_deadline_day_is_in_time_and_takes_effect_that_day()
    {
        var c = Accepted(acceptedOn: "2024-03-01");

        c.Extend(D("2024-04-30"), 30, "案情复杂", Today, WorkingDays);

        Assert.Equal(D("2024-04-30"), c.ExtendedOn);
        Assert.Equal([new DeadlineChange(D("2024-03-01"), D("2024-04-30")), new DeadlineChange(D("2024-04-30"), D("2024-05-30"))], c.DeadlineHistory);
    }

    [Fact]
    public void An_extension_needs_a_reason()
    {
        var c = Accepted();
        Assert.Equal("REASON_REQUIRED", Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-03-05"), 10, " ", Today, WorkingDays)).Reason);
    }
}
