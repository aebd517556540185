using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Reconsideration.Domain;

/// <summary>
/// The refusals of <see cref="ReconsiderationCase"/>, each with a stable reason code (the ErrorInfo reason clients
/// branch on; listed in docs/clients.md) and a message for people.
/// </summary>
public static class CaseRules
{
    public static RuleViolationException Violation(string reason, string message) => new(reason, message);

    public static RuleViolationException ReviewPeriodOver(Guid id, DateOnly acceptanceDueOn, DateOnly rejectedOn) => new(
        "REVIEW_PERIOD_OVER",
        $"Case {id} was accepted by law on {acceptanceDueOn:yyyy-MM-dd}, when its review period ended; a 不予受理 dated "
        + $"{rejectedOn:yyyy-MM-dd} is too late. It can now only end with a decision such as DECISION_DISMISS_APPLICATION (驳回申请).");

    public static void KnownProcedure(Procedure procedure)
    {
        if (procedure is not (Procedure.Ordinary or Procedure.Simplified))
            throw new RuleViolationException("UNKNOWN_PROCEDURE", $"Unknown procedure {procedure}.");
    }

    public static void KnownDecision(Decision decision, TerminationGround ground)
    {
        if (!Enum.IsDefined(decision) || decision == Decision.Unspecified)
            throw new RuleViolationException("UNKNOWN_DECISION", $"Unknown decision {decision}.");
        if (decision == Decision.Terminate && (ground == TerminationGround.Unspecified || !Enum.IsDefined(ground)))
            throw new RuleViolationException("TERMINATION_GROUND_REQUIRED", "A 终止 decision records one ground of Art. 41 (terminationGround).");
        if (decision != Decision.Terminate && ground != TerminationGround.Unspecified)
            throw new RuleViolationException("TERMINATION_GROUND_NOT_ALLOWED", "Only a 终止 (DECISION_TERMINATE) decision takes a terminationGround.");
    }

    /// <summary>Why a move is refused in <paramref name="status"/>, with the reason code a client can act on.</summary>
    public static RuleViolationException WrongStatus(Guid id, string action, CaseStatus status)
    {
        var (reason, why) = status switch
        {
            CaseStatus.Received => ("CASE_NOT_ACCEPTED", "it has not been accepted"),
            CaseStatus.AwaitingMaterials => ("MATERIALS_PENDING", "it is waiting for the materials requested (补正)"),
            CaseStatus.Accepted when action == "accept" => ("CASE_ALREADY_ACCEPTED", "it is already accepted"),
            CaseStatus.Accepted when action == "reject" => ("CASE_ALREADY_ACCEPTED", "it is already accepted"),
            CaseStatus.Accepted => ("CASE_NOT_SUSPENDED", "it is accepted and not suspended"),
            CaseStatus.Suspended => ("CASE_SUSPENDED", "it is suspended"),
            CaseStatus.Rejected => ("CASE_REJECTED", "it was not accepted (rejected)"),
            CaseStatus.Decided => ("CASE_DECIDED", "it is already decided"),
            CaseStatus.Withdrawn => ("CASE_WITHDRAWN", "the application was withdrawn"),
            CaseStatus.Abandoned => ("APPLICATION_ABANDONED", "the application counts as abandoned (视为放弃)"),
            CaseStatus.Voided => ("CASE_VOIDED", "it is voided"),
            _ => ("CASE_STATUS_CONFLICT", $"its status is {status}"),
        };
        return new RuleViolationException(reason, $"Cannot {action} case {id}: {why}.");
    }
}
