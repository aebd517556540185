using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Every legal move, its resulting status and the one-step version bump.</summary>
public class LegalTransitionTests
{
    [Fact]
    public void Receive_starts_at_version_1_in_received()
    {
        var c = Received("2024-02-26");

        Assert.Equal(1, c.Version);
        Assert.Equal(CaseStatus.Received, c.Status);
        Assert.Equal(D("2024-02-26"), c.ReceivedOn);
        Assert.Null(c.AcceptedOn);
        Assert.Equal(D("2024-03-04"), c.AcceptanceDueOn);
        // If nobody refuses it by then, it is accepted by law on 3/4 and due 60 days later (5/3, in 劳动节 → 5/6).
        Assert.Equal(D("2024-03-04"), c.EffectiveAcceptedOn);
        Assert.Equal(D("2024-05-06"), c.Deadline);
        Assert.NotEqual(Guid.Empty, c.Id);
        Assert.Equal(WorkingDays.Version, c.CalendarVersion);
    }

    [Fact]
    public void Accept_moves_to_accepted_sets_deadline_and_bumps_version()
    {
        var c = Received("2024-02-26");

        c.Accept(D("2024-03-01"), Procedure.Ordinary, Today, WorkingDays);

        Assert.Equal(2, c.Version);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(D("2024-03-01"), c.AcceptedOn);
        Assert.Equal(Procedure.Ordinary, c.Procedure);
        Assert.Equal(D("2024-04-30"), c.Deadline); // 3/1 + 60 days = Tue 4/30
    }

    [Fact]
    public void Accept_on_the_day_of_receipt_is_allowed()
    {
        var c = Received("2024-03-11");
        c.Accept(D("2024-03-11"), Procedure.Simplified, Today, WorkingDays);
        Assert.Equal(CaseStatus.Accepted, c.Status);
    }

    [Fact]
    public void Reject_moves_to_rejected_with_reason_and_bumps_version()
    {
        var c = Received("2024-02-26");

        c.Reject(D("2024-02-28"), "超过申请期限", Today);

        Assert.Equal(2, c.Version);
        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.Equal(D("2024-02-28"), c.RejectedOn);
        Assert.Equal("超过申请期限", c.RejectionReason);
        Assert.Null(c.AcceptedOn);
        Assert.Null(c.Deadline);
    }

    [Fact]
    public void Hearings_are_recorded_in_date_order_each_bumping_the_version()
    {
        var c = Accepted();

        c.RecordHearing(D("2024-03-20"), Today);
        c.RecordHearing(D("2024-03-12"), Today);

        Assert.Equal(4, c.Version);
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal([D("2024-03-12"), D("2024-03-20")], c.HearingDates);
    }

    [Fact]
    public void Decide_moves_to_decided_and_bumps_version()
    {
        var c = Accepted();

        c.Decide(D("2024-04-15"), Decision.Modify, Today, WorkingDays);

        Assert.Equal(3, c.Version);
        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Equal(D("2024-04-15"), c.DecidedOn);
        Assert.Equal(Decision.Modify, c.Decision);
    }

    [Fact]
    public void Decide_on_the_day_of_acceptance_and_of_the_last_hearing_is_allowed()
    {
        var c = Accepted();
        c.RecordHearing(D("2024-03-01"), Today);

        c.Decide(D("2024-03-01"), Decision.Maintain, Today, WorkingDays);

        Assert.Equal(CaseStatus.Decided, c.Status);
    }

    [Fact]
    public void Full_ordinary_path_bumps_the_version_once_per_step()
    {
        var c = Received("2024-02-26");                                            // 1
        c.Accept(D("2024-03-01"), Procedure.Ordinary, Today, WorkingDays);            // 2
        c.RecordHearing(D("2024-03-05"), Today);                                   // 3
        c.Extend(D("2024-03-05"), 20, "案情复杂", Today, WorkingDays);                                         // 4
        c.Suspend(D("2024-03-10"), Today, WorkingDays);                                         // 5
        c.Resume(D("2024-03-20"), Today, WorkingDays);                                // 6
        c.Decide(D("2024-05-20"), Decision.ConfirmIllegal, Today, WorkingDays);                 // 7
        c.Correct(new CaseCorrection("录入错误") { Respondent = "郑州市金水区人民政府" }, Today, WorkingDays); // 8
        c.Void("重复登记");                                                         // 9

        Assert.Equal(9, c.Version);
        Assert.Equal(CaseStatus.Voided, c.Status);
    }

    [Fact]
    public void A_suspended_case_can_be_decided_directly()
    {
        var c = Accepted();
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        c.Decide(D("2024-03-25"), Decision.Terminate, Today, WorkingDays, TerminationGround.ApplicantDied);

        Assert.Equal(4, c.Version);
        Assert.Equal(CaseStatus.Decided, c.Status);
        Assert.Null(c.SuspendedOn);
        Assert.Equal(15, c.SuspendedDays);
    }

    [Fact]
    public void A_suspended_case_can_be_extended()
    {
        var c = Accepted();
        c.Suspend(D("2024-03-10"), Today, WorkingDays);

        c.Extend(D("2024-03-05"), 30, "案情复杂", Today, WorkingDays);

        Assert.Equal(4, c.Version);
        Assert.Equal(30, c.ExtensionDays);
        Assert.Null(c.Deadline); // the clock is still stopped
    }
}
