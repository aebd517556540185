using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>The event carries the case's reportable state with proto enum names and the version.</summary>
public class IntegrationEventTests
{
    private static readonly DateTimeOffset ChangedAt = new(2024, 4, 15, 9, 30, 0, TimeSpan.FromHours(8));

    private static ReconsiderationCaseChanged EventOf(ReconsiderationCase c) =>
        Assert.IsType<ReconsiderationCaseChanged>(c.ToIntegrationEvent(ChangedAt));

    [Fact]
    public void Decided_case_event_carries_proto_names_dates_and_version()
    {
        var c = ReconsiderationCase.Receive(
            Guid.NewGuid(), "410105", D("2024-02-26"), ApplicantType.CommercialEnterprise, ActCategory.InformationDisclosure,
            "郑州市金水区人民政府", "政府信息公开答复", Today, WorkingDays);
        c.Accept(D("2024-03-01"), Procedure.Ordinary, Today, WorkingDays);
        c.RecordHearing(D("2024-03-12"), Today);
        c.Decide(D("2024-04-15"), Decision.Revoke, Today, WorkingDays);

        var e = EventOf(c);

        Assert.Equal(c.Id, e.CaseId);
        Assert.Equal(4, e.Version);
        Assert.Equal("410105", e.Org);
        Assert.Equal("CASE_STATUS_DECIDED", e.Status);
        Assert.Equal("APPLICANT_TYPE_COMMERCIAL_ENTERPRISE", e.ApplicantType);
        Assert.Equal("ACT_CATEGORY_INFORMATION_DISCLOSURE", e.Category);
        Assert.Equal(D("2024-02-26"), e.ReceivedOn);
        Assert.Equal(D("2024-03-01"), e.AcceptedOn);
        Assert.Equal("PROCEDURE_ORDINARY", e.Procedure);
        Assert.Equal(D("2024-04-30"), e.Deadline);
        Assert.Equal([D("2024-03-12")], e.HearingDates);
        Assert.Equal(D("2024-04-15"), e.DecidedOn);
        Assert.Equal("DECISION_REVOKE", e.Decision);
        Assert.Null(e.RejectedOn);
        Assert.False(e.Voided);
        Assert.Equal(ChangedAt, e.ChangedAt);
    }

    [Fact]
    public void Received_case_event_carries_the_acceptance_the_law_will_give_it()
    {
        var e = EventOf(Received("2024-02-26"));

        Assert.Equal(1, e.Version);
        Assert.Equal("CASE_STATUS_RECEIVED", e.Status);
        Assert.Equal("APPLICANT_TYPE_NATURAL_PERSON", e.ApplicantType);
        Assert.Equal("ACT_CATEGORY_ADMINISTRATIVE_PENALTY", e.Category);
        // Counted by reporting from 3/4 on (not before), unless a 不予受理 or 补正 comes first.
        Assert.Equal(D("2024-03-04"), e.AcceptedOn);
        Assert.True(e.AcceptedByLaw);
        Assert.Equal("PROCEDURE_ORDINARY", e.Procedure);
        Assert.Equal(D("2024-05-06"), e.Deadline);
        Assert.Null(e.DecidedOn);
        Assert.Null(e.Decision);
        Assert.Empty(e.HearingDates);
    }

    [Fact]
    public void Rejected_case_event_carries_rejectedOn()
    {
        var e = EventOf(Rejected("2024-02-26", "2024-02-28"));

        Assert.Equal("CASE_STATUS_REJECTED", e.Status);
        Assert.Equal(D("2024-02-28"), e.RejectedOn);
        Assert.Null(e.AcceptedOn);
        Assert.Equal(2, e.Version);
    }

    [Theory]
    [InlineData(Decision.Maintain, "DECISION_MAINTAIN")]
    [InlineData(Decision.DismissRequest, "DECISION_DISMISS_REQUEST")]
    [InlineData(Decision.DismissApplication, "DECISION_DISMISS_APPLICATION")]
    [InlineData(Decision.Revoke, "DECISION_REVOKE")]
    [InlineData(Decision.Modify, "DECISION_MODIFY")]
    [InlineData(Decision.ConfirmIllegal, "DECISION_CONFIRM_ILLEGAL")]
    [InlineData(Decision.ConfirmInvalid, "DECISION_CONFIRM_INVALID")]
    [InlineData(Decision.OrderPerformance, "DECISION_ORDER_PERFORMANCE")]
    [InlineData(Decision.Mediation, "DECISION_MEDIATION")]
    [InlineData(Decision.Settlement, "DECISION_SETTLEMENT")]
    [InlineData(Decision.Terminate, "DECISION_TERMINATE")]
    public void Every_decision_travels_under_its_proto_name(Decision decision, string protoName)
    {
        Assert.Equal(protoName, EventOf(Decided(decision: decision)).Decision);
    }

    [Fact]
    public void Simplified_procedure_and_suspension_are_visible_in_the_event()
    {
        var c = Accepted(procedure: Procedure.Simplified);
        Assert.Equal("PROCEDURE_SIMPLIFIED", EventOf(c).Procedure);

        c.Suspend(D("2024-03-10"), Today, WorkingDays);
        var e = EventOf(c);
        Assert.Equal("CASE_STATUS_SUSPENDED", e.Status);
        Assert.Null(e.Deadline);
        Assert.Equal(3, e.Version);
    }

    [Fact]
    public void Each_change_produces_an_event_with_a_higher_version()
    {
        var c = Received();
        var versions = new List<long> { EventOf(c).Version };
        c.Accept(D("2024-03-01"), Procedure.Ordinary, Today, WorkingDays);
        versions.Add(EventOf(c).Version);
        c.Correct(new CaseCorrection("x") { Summary = "更正" }, Today, WorkingDays);
        versions.Add(EventOf(c).Version);
        c.Decide(D("2024-04-15"), Decision.Settlement, Today, WorkingDays);
        versions.Add(EventOf(c).Version);

        Assert.Equal([1L, 2L, 3L, 4L], versions);
    }
}
