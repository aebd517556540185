using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>撤回 (Art. 74) and 终止 (Art. 41): every termination records its ground.</summary>
public class WithdrawalTests
{
    [Fact]
    public void Withdrawn_before_acceptance_the_application_simply_ends()
    {
        var c = Received("2024-02-26");

        c.Withdraw(D("2024-02-28"), "申请人撤回", settled: false, Today, WorkingDays);

        Assert.Equal(CaseStatus.Withdrawn, c.Status);
        var e = c.ToChangedEvent(DateTimeOffset.UnixEpoch);
        Assert.Equal(D("2024-02-28"), e.WithdrawnOn);
        Assert.Null(e.AcceptedOn);
        Assert.Null(e.DecidedOn);
    }

    [Fact]
    public void Withdrawn_after_acceptance_the_case_is_terminated_on_that_ground()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        c.Withdraw(D("2024-03-20"), "双方和解，申请人撤回", settled: true, Today, WorkingDays);

        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Equal(Decision.Terminate, c.Decision);
        Assert.Equal(TerminationGround.Withdrawn, c.TerminationGround);
        Assert.True(c.Settled);
        Assert.Equal(D("2024-03-20"), c.DecidedOn);
        Assert.Equal(10, c.SuspendedDays);
        Assert.Equal("TERMINATION_GROUND_WITHDRAWN", c.ToChangedEvent(DateTimeOffset.UnixEpoch).TerminationGround);
    }

    [Fact]
    public void A_decided_case_cannot_be_withdrawn()
    {
        var c = Decided();
        Assert.Equal("CASE_DECIDED", Assert.Throws<RuleViolationException>(() =>
            c.Withdraw(D("2024-04-20"), "撤回", settled: false, Today, WorkingDays)).Reason);
    }

    [Fact]
    public void Termination_needs_a_ground_and_no_other_decision_takes_one()
    {
        var c = Accepted();
        Assert.Equal("TERMINATION_GROUND_REQUIRED", Assert.Throws<RuleViolationException>(() =>
            c.Decide(D("2024-04-01"), Decision.Terminate, Today, WorkingDays)).Reason);
        Assert.Equal("TERMINATION_GROUND_NOT_ALLOWED", Assert.Throws<RuleViolationException>(() =>
            c.Decide(D("2024-04-01"), Decision.Maintain, Today, WorkingDays, TerminationGround.ApplicantDied)).Reason);
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }
}
