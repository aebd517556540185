using System.Collections.Frozen;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// What reporting can see of a 行政复议 case's invariants in one event: known codes, business dates in range and in the
/// order the case's steps must take (received ≤ accepted ≤ decided; rejection, withdrawal and hearings after receipt),
/// and the state agreeing with itself (decided ⇔ a decision date and a decision, voided ⇔ status VOIDED).
/// </summary>
public static class ReconsiderationEventCheck
{
    private static readonly FrozenSet<string> Statuses = ProtoCodes.Of<CaseStatus>(withUnspecified: false);
    private static readonly FrozenSet<string> ApplicantTypes = ProtoCodes.Of<ApplicantType>();
    private static readonly FrozenSet<string> Categories = ProtoCodes.Of<ActCategory>();
    private static readonly FrozenSet<string> Procedures = ProtoCodes.Of<Procedure>();
    private static readonly FrozenSet<string> Decisions = ProtoCodes.Of<Decision>();
    private static readonly FrozenSet<string> TerminationGrounds = ProtoCodes.Of<TerminationGround>();
    private static readonly string Decided = Fazhi.ServiceDefaults.ProtoEnum.Name(CaseStatus.Decided);
    private static readonly string Voided = Fazhi.ServiceDefaults.ProtoEnum.Name(CaseStatus.Voided);

    public static EventRejection? Check(ReconsiderationCaseChanged e, EventLimits limits, DateOnly today)
    {
        var check = new EventCheck(limits, today, e.CaseId, e.Version, e.Org)
            .Code("status", e.Status, Statuses, required: true)
            .Code("applicantType", e.ApplicantType, ApplicantTypes, required: true)
            .Code("category", e.Category, Categories, required: true)
            .Code("procedure", e.Procedure, Procedures)
            .Code("decision", e.Decision, Decisions)
            .Code("terminationGround", e.TerminationGround, TerminationGrounds)
            .Happened("receivedOn", e.ReceivedOn)
            .Planned("acceptedOn", e.AcceptedOn) // acceptance by law is dated the last day of the review, ahead
            .Planned("deadline", e.Deadline)
            .Planned("abandonedOn", e.AbandonedOn) // the day it will count as abandoned if materials do not come
            .Happened("rejectedOn", e.RejectedOn)
            .Happened("withdrawnOn", e.WithdrawnOn)
            .Happened("decidedOn", e.DecidedOn)
            .Items("hearingDates", e.HearingDates)
            .Items("deadlineHistory", e.DeadlineHistory)
            .NotBefore("acceptedOn", e.AcceptedOn, "receivedOn", e.ReceivedOn)
            .NotBefore("decidedOn", e.DecidedOn, "acceptedOn", e.AcceptedOn)
            .NotBefore("decidedOn", e.DecidedOn, "receivedOn", e.ReceivedOn)
            .NotBefore("rejectedOn", e.RejectedOn, "receivedOn", e.ReceivedOn)
            .NotBefore("withdrawnOn", e.WithdrawnOn, "receivedOn", e.ReceivedOn)
            .NotBefore("abandonedOn", e.AbandonedOn, "receivedOn", e.ReceivedOn)
            .Consistent((e.Status == Decided) == (e.DecidedOn is not null) || e.Status == Voided,
                $"status {e.Status} with decidedOn {(e.DecidedOn is null ? "missing" : "set")}")
            .Consistent((e.DecidedOn is null) == (e.Decision is null), "decidedOn and decision must come together")
            .Consistent(e.Voided == (e.Status == Voided), $"voided {e.Voided} with status {e.Status}");
        if (!check.Passed) return check.Rejection;
        foreach (var hearing in e.HearingDates) check.Happened("hearingDates", hearing).NotBefore("hearingDates", hearing, "receivedOn", e.ReceivedOn);
        foreach (var step in e.DeadlineHistory)
        {
            check.Consistent(step is not null, "a null deadlineHistory entry");
            if (!check.Passed) break;
            check.Planned("deadlineHistory.from", step!.From).Planned("deadlineHistory.deadline", step.Deadline);
        }
        return check.Rejection;
    }
}
