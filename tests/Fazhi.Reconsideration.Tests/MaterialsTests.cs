using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>补正 (Art. 31): the review clock restarts when the materials arrive; without them the application is abandoned.</summary>
public class MaterialsTests
{
    [Fact]
    public void Asking_for_materials_stops_the_review_and_acceptance_by_law()
    {
        var c = Received("2024-02-26");

        c.RequestMaterials(D("2024-02-28"), D("2024-03-08"), Today, WorkingDays);

        Assert.Equal(CaseStatus.AwaitingMaterials, c.Status);
        Assert.Null(c.EffectiveAcceptedOn);
        Assert.Null(c.ToChangedEvent(DateTimeOffset.UnixEpoch).AcceptedOn);
        Assert.False(c.IsOverdueOn(D("2024-06-01")));
    }

    [Fact]
    public void Materials_received_restart_the_five_working_day_review()
    {
        var c = Received("2024-02-26");
        c.RequestMaterials(D("2024-02-28"), D("2024-03-08"), Today, WorkingDays);

        c.ReceiveMaterials(D("2024-03-06"), Today, WorkingDays);

        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(D("2024-03-13"), c.AcceptanceDueOn);
        c.Reject(D("2024-03-12"), "不属于受理范围", Today); // in time under the restarted review
        Assert.Equal(CaseStatus.Rejected, c.Status);
    }

    [Fact]
    public void Materials_that_never_come_leave_the_application_abandoned()
    {
        var c = Received("2024-02-26");
        c.RequestMaterials(D("2024-02-28"), D("2024-03-08"), Today, WorkingDays);

        Assert.Equal(CaseStatus.AwaitingMaterials, c.StatusOn(D("2024-03-08")));
        Assert.Equal(CaseStatus.Abandoned, c.StatusOn(D("2024-03-09")));
        Assert.Equal(D("2024-03-09"), c.ToChangedEvent(DateTimeOffset.UnixEpoch).AbandonedOn);
        var late = Assert.Throws<RuleViolationException>(() => c.ReceiveMaterials(D("2024-03-09"), Today, WorkingDays));
        Assert.Equal("APPLICATION_ABANDONED", late.Reason);
        Assert.Equal("APPLICATION_ABANDONED", Assert.Throws<RuleViolationException>(() =>
            c.Accept(D("2024-03-11"), Procedure.Ordinary, Today, WorkingDays)).Reason);
    }

    [Fact]
    public void Materials_are_asked_for_once_and_only_within_the_review()
    {
        var late = Received("2024-02-26");
        Assert.Equal("REVIEW_PERIOD_OVER", Assert.Throws<RuleViolationException>(() =>
            late.RequestMaterials(D("2024-03-05"), D("2024-03-15"), Today, WorkingDays)).Reason);

        var twice = Received("2024-02-26");
        twice.RequestMaterials(D("2024-02-28"), D("2024-03-08"), Today, WorkingDays);
        twice.ReceiveMaterials(D("2024-03-01"), Today, WorkingDays);
        Assert.Equal("MATERIALS_ALREADY_REQUESTED", Assert.Throws<RuleViolationException>(() =>
            twice.RequestMaterials(D("2024-03-04"), D("2024-03-14"), Today, WorkingDays)).Reason);
    }
}
