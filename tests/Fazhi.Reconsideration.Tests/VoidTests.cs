using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Voiding withdraws a mistaken case from every figure; the event says so with its Voided flag.</summary>
public class VoidTests
{
    [Fact]
    public void Void_marks_the_event_voided_and_bumps_the_version()
    {
        var c = Decided(decision: Decision.Revoke);
        var before = (ReconsiderationCaseChanged)c.ToIntegrationEvent(DateTimeOffset.UnixEpoch);
        Assert.False(before.Voided);

        c.Void("重复登记");

        var e = (ReconsiderationCaseChanged)c.ToIntegrationEvent(DateTimeOffset.UnixEpoch);
        Assert.True(e.Voided);
        Assert.Equal("CASE_STATUS_VOIDED", e.Status);
        Assert.Equal(before.Version + 1, e.Version);
        Assert.Equal("重复登记", c.VoidReason);
        // History is kept.
        Assert.Equal(before.DecidedOn, e.DecidedOn);
    }

    [Fact]
    public void Every_stage_can_be_voided()
    {
        var received = Received();
        var rejected = Rejected();
        var accepted = Accepted();
        var suspended = Accepted();
        suspended.Suspend(D("2024-03-10"), Today, WorkingDays);
        foreach (var c in new[] { received, rejected, accepted, suspended })
        {
            c.Void("误录");
            Assert.Equal(CaseStatus.Voided, c.Status);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Void_needs_a_reason(string reason)
    {
        var c = Accepted();
        Assert.Throws<RuleViolationException>(() => c.Void(reason));
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(2, c.Version);
    }

    [Fact]
    public void A_voided_case_takes_no_further_step()
    {
        var c = Accepted();
        c.Void("误录");

        Assert.Throws<RuleViolationException>(() => c.Void("again"));
        Assert.Throws<RuleViolationException>(() => c.Decide(D("2024-04-15"), Decision.Maintain, Today, WorkingDays));
        Assert.Throws<RuleViolationException>(() => c.RecordHearing(D("2024-03-12"), Today));
        Assert.Throws<RuleViolationException>(() => c.Suspend(D("2024-03-12"), Today, WorkingDays));
        Assert.Throws<RuleViolationException>(() => c.Extend(D("2024-03-05"), 10, "x", Today, WorkingDays));
        Assert.Equal(3, c.Version);
        Assert.False(c.IsOverdueOn(D("2025-01-01")));
    }
}
