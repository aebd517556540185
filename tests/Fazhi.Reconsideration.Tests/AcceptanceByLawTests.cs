using Fazhi.Reconsideration.Domain;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>视为受理 (Art. 30): no 不予受理 within the 5-working-day review means accepted by law on its last day.</summary>
public class AcceptanceByLawTests
{
    // Received Mon 2024-02-26: the review ends Mon 3/4; accepted by law, the decision is due 5/3 → 5/6 (劳动节).

    [Fact]
    public void A_rejection_after_the_review_period_is_refused_with_its_reason()
    {
        var c = Received("2024-02-26");

        var refused = Assert.Throws<RuleViolationException>(() => c.Reject(D("2024-03-05"), "不属于受理范围", Today));

        Assert.Equal("REVIEW_PERIOD_OVER", refused.Reason);
        Assert.Contains("2024-03-04", refused.Message);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(1, c.Version);
    }

    [Fact]
    public void A_rejection_on_the_last_day_of_the_review_is_in_time()
    {
        var c = Received("2024-02-26");
        c.Reject(D("2024-03-04"), "不属于受理范围", Today);
        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.False(c.IsOverdueOn(D("2024-06-01")));
    }

    [Fact]
    public void Nobody_pressing_accept_still_makes_the_case_accepted_pending_and_overdue_by_law()
    {
        var c = Received("2024-02-26");

        Assert.Equal(CaseStatus.Received, c.StatusOn(D("2024-03-04")));
        Assert.Equal(CaseStatus.Accepted, c.StatusOn(D("2024-03-05")));
        Assert.False(c.IsOverdueOn(D("2024-05-06")));
        Assert.True(c.IsOverdueOn(D("2024-05-07")));
    }

    [Fact]
    public void A_decision_on_a_case_nobody_accepted_finds_it_accepted_by_law()
    {
        var c = Received("2024-02-26");

        c.Decide(D("2024-04-15"), Decision.DismissApplication, Today, WorkingDays);

        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.True(c.AcceptedByLaw);
        Assert.Equal(D("2024-03-04"), c.AcceptedOn);
        Assert.Equal(Procedure.Ordinary, c.Procedure);
        Assert.Equal(2, c.Version);
    }

    [Fact]
    public void A_late_accept_keeps_the_legal_acceptance_date_and_applies_the_procedure_from_its_own_date()
    {
        var c = Received("2024-02-26");

        c.Accept(D("2024-03-08"), Procedure.Simplified, Today, WorkingDays);

        Assert.True(c.AcceptedByLaw);
        Assert.Equal(D("2024-03-04"), c.AcceptedOn);
        Assert.Equal(Procedure.Simplified, c.Procedure);
        // 60 days from 3/4 until 3/8, then 30 days from 3/4: 4/3.
        Assert.Equal([new DeadlineChange(D("2024-03-04"), D("2024-05-06")), new DeadlineChange(D("2024-03-08"), D("2024-04-03"))],
            c.DeadlineHistory);
        Assert.True(c.IsOverdueOn(D("2024-04-04")));
    }

    [Fact]
    public void A_refused_step_leaves_a_case_accepted_by_law_untouched()
    {
        var c = Received("2024-02-26");
        c.RecordHearing(D("2024-03-20"), Today);
        var version = c.Version;

        // Deciding before the hearing is refused; the case stays exactly as it was.
        Assert.Throws<RuleViolationException>(() => c.Decide(D("2024-03-10"), Decision.Maintain, Today, WorkingDays));

        Assert.Equal(version, c.Version);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Null(c.DecidedOn);
    }
}
