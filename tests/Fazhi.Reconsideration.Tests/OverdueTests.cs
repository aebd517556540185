using Fazhi.Contracts.Reconsideration;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Overdue on D: pending (accepted, undecided, running clock) with its deadline before D.</summary>
public class OverdueTests
{
    [Fact]
    public void A_case_is_overdue_from_the_day_after_its_deadline()
    {
        var c = Accepted("2023-07-31", "2023-08-02"); // due 2023-10-07

        Assert.False(c.IsOverdueOn(D("2023-10-01")));
        Assert.False(c.IsOverdueOn(D("2023-10-07")));
        Assert.True(c.IsOverdueOn(D("2023-10-08")));
    }

    [Fact]
    public void Decided_and_rejected_cases_are_never_overdue()
    {
        Assert.False(Decided(acceptedOn: "2024-03-01", decidedOn: "2024-04-15").IsOverdueOn(D("2025-01-01")));
        Assert.False(Rejected().IsOverdueOn(D("2025-01-01")));
    }

    [Fact]
    public void A_received_case_nobody_accepted_is_accepted_by_law_and_becomes_overdue()
    {
        var c = Received("2024-02-26"); // review ends 3/4: accepted by law, due 5/6
        Assert.False(c.IsOverdueOn(D("2024-03-04")));
        Assert.False(c.IsOverdueOn(D("2024-05-06")));
        Assert.True(c.IsOverdueOn(D("2024-05-07")));
    }

    [Fact]
    public void A_suspended_case_is_not_overdue_and_its_clock_restarts_later()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due 2024-04-30
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        Assert.False(c.IsOverdueOn(D("2024-05-01")));

        c.Resume(D("2024-03-20"), Today, WorkingDays); // due 2024-05-10
        Assert.False(c.IsOverdueOn(D("2024-05-10")));
        Assert.True(c.IsOverdueOn(D("2024-05-11")));
    }

    [Fact]
    public void An_extension_postpones_overdue()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        Assert.True(c.IsOverdueOn(D("2024-05-01")));

        c.Extend(D("2024-03-05"), 30, "案情复杂", Today, WorkingDays); // due 2024-05-30
        Assert.False(c.IsOverdueOn(D("2024-05-30")));
        Assert.True(c.IsOverdueOn(D("2024-05-31")));
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }
}
