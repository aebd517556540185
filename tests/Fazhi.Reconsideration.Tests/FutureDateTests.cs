using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>No step may carry a business date after today; today itself is allowed.</summary>
public class FutureDateTests
{
    private static readonly DateOnly Monday = D("2024-03-11");
    private static readonly DateOnly Tuesday = D("2024-03-12");

    [Fact]
    public void Receive_in_the_future_is_refused_and_today_is_allowed()
    {
        Assert.Throws<RuleViolationException>(() => ReconsiderationCase.Receive(
            Guid.NewGuid(), "410105", Tuesday, ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty, "r", "s", Monday, WorkingDays));

        var c = ReconsiderationCase.Receive(
            Guid.NewGuid(), "410105", Monday, ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty, "r", "s", Monday, WorkingDays);
        Assert.Equal(Monday, c.ReceivedOn);
    }

    [Fact]
    public void Accept_in_the_future_is_refused()
    {
        var c = Received("2024-03-08");
        Assert.Throws<RuleViolationException>(() => c.Accept(Tuesday, Procedure.Ordinary, Monday, WorkingDays));
        Assert.Equal(CaseStatus.Received, c.Status);

        c.Accept(Monday, Procedure.Ordinary, Monday, WorkingDays);
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }

    [Fact]
    public void Reject_in_the_future_is_refused()
    {
        var c = Received("2024-03-08");
        Assert.Throws<RuleViolationException>(() => c.Reject(Tuesday, "reason", Monday));
        Assert.Equal(CaseStatus.Received, c.Status);
    }

    [Fact]
    public void Hearing_in_the_future_is_refused()
    {
        var c = Accepted("2024-03-04", "2024-03-05");
        Assert.Throws<RuleViolationException>(() => c.RecordHearing(Tuesday, Monday));
        Assert.Empty(c.HearingDates);
    }

    [Fact]
    public void Suspend_in_the_future_is_refused()
    {
        var c = Accepted("2024-03-04", "2024-03-05");
        Assert.Throws<RuleViolationException>(() => c.Suspend(Tuesday, Monday, WorkingDays));
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }

    [Fact]
    public void Resume_in_the_future_is_refused()
    {
        var c = Accepted("2024-03-04", "2024-03-05");
        c.Suspend(D("2024-03-06"), Monday, WorkingDays);
        Assert.Throws<RuleViolationException>(() => c.Resume(Tuesday, Monday, WorkingDays));
        Assert.Equal(CaseStatus.Suspended, c.Status);
    }

    [Fact]
    public void Decide_in_the_future_is_refused()
    {
        var c = Accepted("2024-03-04", "2024-03-05");
        Assert.Throws<RuleViolationException>(() => c.Decide(Tuesday, Decision.Maintain, Monday, WorkingDays));
        Assert.Null(c.DecidedOn);
    }

    [Fact]
    public void Correct_to_a_future_date_is_refused_for_every_date()
    {
        var received = Received("2024-03-04");
        var accepted = Accepted("2024-03-04", "2024-03-05");
        var rejected = Rejected("2024-03-04", "2024-03-06");
        var decided = Decided("2024-03-04", "2024-03-05", "2024-03-08");
        var corrections = new (ReconsiderationCase Case, CaseCorrection Correction)[]
        {
            (received, new CaseCorrection("typo") { ReceivedOn = Tuesday }),
            (accepted, new CaseCorrection("typo") { AcceptedOn = Tuesday }),
            (accepted, new CaseCorrection("typo") { HearingDates = [Tuesday] }),
            (rejected, new CaseCorrection("typo") { RejectedOn = Tuesday }),
            (decided, new CaseCorrection("typo") { DecidedOn = Tuesday }),
        };

        foreach (var (c, correction) in corrections)
        {
            var version = c.Version;
            Assert.Throws<RuleViolationException>(() => c.Correct(correction, Monday, WorkingDays));
            Assert.Equal(version, c.Version);
        }
        Assert.Equal(D("2024-03-04"), received.ReceivedOn);
        Assert.Equal(D("2024-03-05"), accepted.AcceptedOn);
        Assert.Empty(accepted.HearingDates);
        Assert.Equal(D("2024-03-06"), rejected.RejectedOn);
        Assert.Equal(D("2024-03-08"), decided.DecidedOn);

        // The same corrections dated today are accepted.
        accepted.Correct(new CaseCorrection("typo") { AcceptedOn = Monday }, Monday, WorkingDays);
        Assert.Equal(Monday, accepted.AcceptedOn);
    }
}
