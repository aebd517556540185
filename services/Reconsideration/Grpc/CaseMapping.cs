using Fazhi.Reconsideration.Domain;
using Proto = Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Grpc;

internal static class CaseMapping
{
    public static Proto.ReconsiderationCase ToProto(this ReconsiderationCase c, DateOnly today)
    {
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
            Status = c.Status,
            AcceptanceDueOn = Format(c.AcceptanceDueOn),
            AcceptedOn = Format(c.AcceptedOn),
            Procedure = c.Procedure,
            Deadline = Format(c.Deadline),
            ExtensionDays = c.ExtensionDays,
            RejectedOn = Format(c.RejectedOn),
            RejectionReason = c.RejectionReason ?? "",
            SuspendedOn = Format(c.SuspendedOn),
            SuspendedDays = c.SuspendedDays,
            DecidedOn = Format(c.DecidedOn),
            Decision = c.Decision,
            VoidReason = c.VoidReason ?? "",
            Overdue = c.IsOverdueOn(today),
            Version = c.Version,
            CalendarVersion = c.CalendarVersion,
        };
        proto.HearingDates.AddRange(c.HearingDates.Select(d => Format(d)));
        return proto;
    }

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
