using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Corrections fix entered dates and codes without changing the stage, and keep the dates in order.</summary>
public class CorrectionTests
{
    private static void Refused(ReconsiderationCase c, CaseCorrection correction)
    {
        var version = c.Version;
        var before = (c.ReceivedOn, c.AcceptedOn, c.RejectedOn, c.DecidedOn, c.Decision, c.Procedure, c.Deadline, c.Status);
        Assert.Throws<RuleViolationException>(() => c.Correct(correction, Today, WorkingDays));
        Assert.Equal(version, c.Version);
        Assert.Equal(before, (c.ReceivedOn, c.AcceptedOn, c.RejectedOn, c.DecidedOn, c.Decision, c.Procedure, c.Deadline, c.Status));
    }

    [Fact]
    public void A_correction_bumps_the_version_and_keeps_the_status()
    {
        var c = Decided(decidedOn: "2024-04-15", decision: Decision.Maintain);

        c.Correct(new CaseCorrection("决定类型录入错误") { Decision = Decision.Revoke, Category = ActCategory.AdministrativeLicensing }, Today, WorkingDays);

        Assert.Equal(4, c.Version);
        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Equal(Decision.Revoke, c.Decision);
        Assert.Equal(ActCategory.AdministrativeLicensing, c.Category);
        Assert.Equal(D("2024-04-15"), c.DecidedOn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_correction_needs_a_reason(string reason)
    {
        var c = Decided();
        Refused(c, new CaseCorrection(reason) { Decision = Decision.Maintain });
    }

    [Fact]
    public void Acceptance_fields_cannot_be_corrected_on_a_case_never_accepted()
    {
        Refused(Received(), new CaseCorrection("x") { AcceptedOn = D("2024-03-01") });
        Refused(Received(), new CaseCorrection("x") { Procedure = Procedure.Simplified });
        Refused(Received(), new CaseCorrection("x") { HearingDates = [D("2024-03-01")] });
        Refused(Rejected(), new CaseCorrection("x") { AcceptedOn = D("2024-03-01") });
    }

    [Fact]
    public void RejectedOn_can_only_be_corrected_on_a_rejected_case()
    {
        Refused(Received(), new CaseCorrection("x") { RejectedOn = D("2024-02-28") });
        Refused(Accepted(), new CaseCorrection("x") { RejectedOn = D("2024-02-28") });
    }

    [Fact]
    public void Decision_fields_can_only_be_corrected_on_a_decided_case()
    {
        Refused(Accepted(), new CaseCorrection("x") { DecidedOn = D("2024-04-15") });
        Refused(Accepted(), new CaseCorrection("x") { Decision = Decision.Revoke });
        Refused(Rejected(), new CaseCorrection("x") { Decision = Decision.Revoke });
    }

    [Fact]
    public void ReceivedOn_cannot_move_after_acceptedOn_or_rejectedOn()
    {
        Refused(Accepted("2024-02-26", "2024-03-01"), new CaseCorrection("x") { ReceivedOn = D("2024-03-04") });
        Refused(Rejected("2024-02-26", "2024-02-28"), new CaseCorrection("x") { ReceivedOn = D("2024-02-29") });
    }

    [Fact]
    public void AcceptedOn_cannot_move_after_decidedOn_or_a_hearing()
    {
        Refused(Decided(acceptedOn: "2024-03-01", decidedOn: "2024-04-15"), new CaseCorrection("x") { AcceptedOn = D("2024-04-16") });

        var heard = Accepted(acceptedOn: "2024-03-01");
        heard.RecordHearing(D("2024-03-12"), Today);
        Refused(heard, new CaseCorrection("x") { AcceptedOn = D("2024-03-13") });
    }

    [Fact]
    public void DecidedOn_cannot_move_before_acceptedOn_or_the_last_hearing()
    {
        Refused(Decided(acceptedOn: "2024-03-01", decidedOn: "2024-04-15"), new CaseCorrection("x") { DecidedOn = D("2024-02-29") });

        var heard = Accepted(acceptedOn: "2024-03-01");
        heard.RecordHearing(D("2024-03-20"), Today);
        heard.Decide(D("2024-04-15"), Decision.Maintain, Today, WorkingDays);
        Refused(heard, new CaseCorrection("x") { DecidedOn = D("2024-03-19") });
        Refused(heard, new CaseCorrection("x") { HearingDates = [D("2024-04-16")] });
    }

    [Fact]
    public void RejectedOn_cannot_move_before_receivedOn()
    {
        Refused(Rejected("2024-02-26", "2024-02-28"), new CaseCorrection("x") { RejectedOn = D("2024-02-23") });
    }

    [Fact]
    public void Moving_dates_together_in_one_correction_is_allowed()
    {
        // Moving acceptedOn past the old receivedOn is fine when receivedOn moves too, in the same correction.
        var c = Decided("2024-02-26", "2024-03-01", "2024-04-15");

        c.Correct(new CaseCorrection("整体录错") { ReceivedOn = D("2024-04-16"), AcceptedOn = D("2024-04-17"), DecidedOn = D("2024-04-18") }, Today, WorkingDays);

        Assert.Equal((D("2024-04-16"), D("2024-04-17"), D("2024-04-18")), (c.ReceivedOn, c.AcceptedOn!.Value, c.DecidedOn!.Value));
    }

    [Fact]
    public void Correcting_decidedOn_across_years()
    {
        var c = Decided("2023-11-01", "2023-11-03", "2023-12-29", Decision.Revoke);

        c.Correct(new CaseCorrection("结案日期录入错误") { DecidedOn = D("2024-01-03") }, Today, WorkingDays);

        Assert.Equal(D("2024-01-03"), c.DecidedOn);
        Assert.Equal(Decision.Revoke, c.Decision);
        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Equal(4, c.Version);
    }

    [Fact]
    public void Correcting_acceptedOn_recomputes_the_deadline()
    {
        var c = Accepted("2023-08-07", "2023-08-09"); // review ends 8/14; due Sun 10/8, a 国庆 make-up working day
        Assert.Equal(D("2023-10-08"), c.Deadline);

        c.Correct(new CaseCorrection("受理日期录入错误") { AcceptedOn = D("2023-08-11") }, Today, WorkingDays);

        Assert.Equal(D("2023-10-10"), c.Deadline); // 8/11 + 60 = Tue 10/10
    }

    [Fact]
    public void Correcting_acceptedOn_past_the_review_period_is_refused()
    {
        var c = Accepted("2023-08-07", "2023-08-09");

        var refused = Assert.Throws<RuleViolationException>(() =>
            c.Correct(new CaseCorrection("受理日期录入错误") { AcceptedOn = D("2023-08-15") }, Today, WorkingDays));

        Assert.Equal("REVIEW_PERIOD_OVER", refused.Reason);
        Assert.Equal(D("2023-08-09"), c.AcceptedOn);
    }

    [Fact]
    public void Correcting_the_procedure_recomputes_the_deadline()
    {
        var c = Accepted("2024-02-26", "2024-03-01", Procedure.Ordinary);

        c.Correct(new CaseCorrection("程序录入错误") { Procedure = Procedure.Simplified }, Today, WorkingDays);

        Assert.Equal(Procedure.Simplified, c.Procedure);
        Assert.Equal(D("2024-04-01"), c.Deadline); // 3/1 + 30 = Sun 3/31 → Mon 4/1
    }

    [Fact]
    public void An_extended_case_cannot_be_corrected_to_the_simplified_procedure()
    {
        var c = Accepted();
        c.Extend(D("2024-03-05"), 10, "案情复杂", Today, WorkingDays);
        Refused(c, new CaseCorrection("x") { Procedure = Procedure.Simplified });
    }

    [Fact]
    public void Corrected_hearing_dates_are_deduplicated_and_ordered()
    {
        var c = Accepted(acceptedOn: "2024-03-01");

        c.Correct(new CaseCorrection("听证日期") { HearingDates = [D("2024-03-20"), D("2024-03-05"), D("2024-03-20")] }, Today, WorkingDays);

        Assert.Equal([D("2024-03-05"), D("2024-03-20")], c.HearingDates);
    }

    [Fact]
    public void A_voided_case_cannot_be_corrected()
    {
        var c = Decided();
        c.Void("重复登记");
        Refused(c, new CaseCorrection("x") { Decision = Decision.Maintain });
    }
}
