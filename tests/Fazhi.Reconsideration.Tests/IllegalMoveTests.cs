using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Moves the current stage does not allow are refused, and a refused move changes nothing.</summary>
public class IllegalMoveTests
{
    private static void Refused(ReconsiderationCase c, Action move)
    {
        var version = c.Version;
        var status = c.Status;
        Assert.Throws<RuleViolationException>(move);
        Assert.Equal(version, c.Version);
        Assert.Equal(status, c.Status);
    }

    [Fact]
    public void Accept_twice_is_refused_and_keeps_the_first_acceptance()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        Refused(c, () => c.Accept(D("2024-03-04"), Procedure.Simplified, Today, WorkingDays));
        Assert.Equal(D("2024-03-01"), c.AcceptedOn);
        Assert.Equal(Procedure.Ordinary, c.Procedure);
    }

    [Fact]
    public void Accept_after_reject_is_refused()
    {
        var c = Rejected();
        Refused(c, () => c.Accept(D("2024-03-01"), Procedure.Ordinary, Today, WorkingDays));
        Assert.Null(c.AcceptedOn);
    }

    [Fact]
    public void Reject_after_accept_is_refused()
    {
        var c = Accepted();
        Refused(c, () => c.Reject(D("2024-03-04"), "reason", Today));
        Assert.Null(c.RejectedOn);
    }

    [Fact]
    public void Reject_twice_is_refused()
    {
        var c = Rejected(rejectedOn: "2024-02-28");
        Refused(c, () => c.Reject(D("2024-02-29"), "reason", Today));
        Assert.Equal(D("2024-02-28"), c.RejectedOn);
    }

    [Fact]
    public void Accept_before_receipt_is_refused()
    {
        var c = Received("2024-02-26");
        Refused(c, () => c.Accept(D("2024-02-25"), Procedure.Ordinary, Today, WorkingDays));
    }

    [Fact]
    public void Reject_before_receipt_is_refused()
    {
        var c = Received("2024-02-26");
        Refused(c, () => c.Reject(D("2024-02-23"), "reason", Today));
    }

    [Fact]
    public void Decide_before_accept_is_refused()
    {
        var c = Received();
        Refused(c, () => c.Decide(D("2024-03-01"), Decision.Maintain, Today, WorkingDays));
        Assert.Null(c.DecidedOn);
    }

    [Fact]
    public void Decide_a_rejected_case_is_refused()
    {
        var c = Rejected();
        Refused(c, () => c.Decide(D("2024-03-01"), Decision.Maintain, Today, WorkingDays));
    }

    [Fact]
    public void Decide_with_decidedOn_before_acceptedOn_is_refused()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        Refused(c, () => c.Decide(D("2024-02-29"), Decision.Maintain, Today, WorkingDays));
        Assert.Null(c.DecidedOn);
    }

    [Fact]
    public void Decide_before_the_last_hearing_is_refused()
    {
        var c = Accepted();
        c.RecordHearing(D("2024-03-20"), Today);
        Refused(c, () => c.Decide(D("2024-03-19"), Decision.Maintain, Today, WorkingDays));
    }

    [Fact]
    public void Decide_twice_is_refused_and_keeps_the_first_decision()
    {
        var c = Decided(decidedOn: "2024-04-15", decision: Decision.Revoke);
        Refused(c, () => c.Decide(D("2024-04-16"), Decision.Maintain, Today, WorkingDays));
        Assert.Equal(D("2024-04-15"), c.DecidedOn);
        Assert.Equal(Decision.Revoke, c.Decision);
    }

    [Fact]
    public void Hearing_before_acceptance_is_refused()
    {
        var c = Received();
        Refused(c, () => c.RecordHearing(D("2024-03-01"), Today));
        Assert.Empty(c.HearingDates);
    }

    [Fact]
    public void Hearing_dated_before_acceptedOn_is_refused()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        Refused(c, () => c.RecordHearing(D("2024-02-29"), Today));
    }

    [Fact]
    public void Hearing_twice_on_the_same_day_is_refused()
    {
        var c = Accepted();
        c.RecordHearing(D("2024-03-12"), Today);
        Refused(c, () => c.RecordHearing(D("2024-03-12"), Today));
        Assert.Single(c.HearingDates);
    }

    [Fact]
    public void Hearing_on_a_suspended_or_decided_case_is_refused()
    {
        var suspended = Accepted();
        suspended.Suspend(D("2024-03-10"), Today, WorkingDays);
        Refused(suspended, () => suspended.RecordHearing(D("2024-03-12"), Today));

        var decided = Decided(decidedOn: "2024-04-15");
        Refused(decided, () => decided.RecordHearing(D("2024-04-16"), Today));
    }

    [Fact]
    public void Suspend_before_acceptance_or_twice_is_refused()
    {
        var received = Received();
        Refused(received, () => received.Suspend(D("2024-03-01"), Today, WorkingDays));

        var suspended = Accepted();
        suspended.Suspend(D("2024-03-10"), Today, WorkingDays);
        Refused(suspended, () => suspended.Suspend(D("2024-03-11"), Today, WorkingDays));
        Assert.Equal(D("2024-03-10"), suspended.SuspendedOn);
    }

    [Fact]
    public void Suspend_dated_before_acceptance_is_refused()
    {
        var c = Accepted(acceptedOn: "2024-03-01");
        Refused(c, () => c.Suspend(D("2024-02-29"), Today, WorkingDays));
    }

    [Fact]
    public void Resume_a_case_that_is_not_suspended_is_refused()
    {
        var c = Accepted();
        Refused(c, () => c.Resume(D("2024-03-10"), Today, WorkingDays));
    }

    [Fact]
    public void Resume_before_the_suspension_is_refused()
    {
        var c = Accepted();
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        Refused(c, () => c.Resume(D("2024-03-09"), Today, WorkingDays));
        Assert.Equal(0, c.SuspendedDays);
    }

    [Fact]
    public void Decide_a_suspended_case_before_its_suspension_is_refused()
    {
        var c = Accepted();
        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        Refused(c, () => c.Decide(D("2024-03-09"), Decision.Terminate, Today, WorkingDays, TerminationGround.ApplicantDied));
    }

    [Fact]
    public void Nothing_but_a_correction_is_allowed_after_a_decision()
    {
        var c = Decided(decidedOn: "2024-04-15");
        Refused(c, () => c.Extend(D("2024-03-05"), 10, "reason", Today, WorkingDays));
        Refused(c, () => c.Suspend(D("2024-04-16"), Today, WorkingDays));
        Refused(c, () => c.Reject(D("2024-04-16"), "reason", Today));
        Refused(c, () => c.Accept(D("2024-04-16"), Procedure.Ordinary, Today, WorkingDays));
    }
}
