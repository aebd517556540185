using System.Globalization;
using Fazhi.Reconsideration.Domain;
using Proto = Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Grpc;

internal static class CaseMapping
{
    /// <summary>The case as of <paramref name="today"/>: an application past its review period shows as accepted by law.</summary>
    public static Proto.ReconsiderationCase ToProto(this ReconsiderationCase c, DateOnly today)
    {
        var status = c.StatusOn(today);
        var byLaw = c.AcceptedByLaw || (c.Status == Proto.CaseStatus.Received && status == Proto.CaseStatus.Accepted);
        var proto = new Proto.ReconsiderationCase
        {
            Id = c.Id.ToString(),
            RequestId = c.RequestId.ToString(),
            Org = c.Org,
            ReceivedOn = Format(c.ReceivedOn),
            ApplicantType = c.ApplicantType,
            Category = c.Category,
            Respondent = c.Respondent,
            Summary = c.Summary,
            Status = status,
            AcceptanceDueOn = Format(c.AcceptanceDueOn),
            AcceptedOn = Format(byLaw ? c.EffectiveAcceptedOn : c.AcceptedOn),
            AcceptedByLaw = byLaw,
            Procedure = byLaw || c.AcceptedOn is not null ? c.Procedure : Proto.Procedure.Unspecified,
            Deadline = Format(byLaw || c.AcceptedOn is not null ? c.Deadline : null),
            ExtendedOn = Format(c.ExtendedOn),
            ExtensionDays = c.ExtensionDays,
            ExtensionReason = c.ExtensionReason ?? "",
            MaterialsRequestedOn = Format(c.MaterialsRequestedOn),
            MaterialsDueOn = Format(c.MaterialsDueOn),
            MaterialsReceivedOn = Format(c.MaterialsReceivedOn),
            AbandonedOn = Format(status == Proto.CaseStatus.Abandoned ? c.AbandonedOn : null),
            RejectedOn = Format(c.RejectedOn),
            RejectionReason = c.RejectionReason ?? "",
            SuspendedOn = Format(c.SuspendedOn),
            SuspendedDays = c.SuspendedDays,
            DecidedOn = Format(c.DecidedOn),
            Decision = c.Decision,
            TerminationGround = c.TerminationGround,
            Settled = c.Settled,
            WithdrawnOn = Format(c.WithdrawnOn),
            WithdrawalReason = c.WithdrawalReason ?? "",
            VoidReason = c.VoidReason ?? "",
            Overdue = c.IsOverdueOn(today),
            Version = c.Version,
            CalendarVersion = c.CalendarVersion,
            CalendarWarning = c.CalendarWarning ?? "",
        };
        proto.HearingDates.AddRange(c.HearingDates.Select(d => Format(d)));
        proto.Suspensions.AddRange(c.Suspensions.Select(s => new Proto.Suspension
        {
            SuspendedOn = Format(s.From), ResumedOn = Format(s.To), Reason = s.Reason ?? "", StoppedClock = s.StoppedClock,
        }));
        if (byLaw || c.AcceptedOn is not null)
            proto.DeadlineHistory.AddRange(c.DeadlineHistory.Select(h => new Proto.DeadlineSegment { From = Format(h.From), Deadline = Format(h.Deadline) }));
        return proto;
    }

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
