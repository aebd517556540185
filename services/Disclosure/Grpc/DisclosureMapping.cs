using System.Globalization;
using Fazhi.Calendar;
using Fazhi.Disclosure.Domain;
using Proto = Fazhi.Contracts.Disclosure;

namespace Fazhi.Disclosure.Grpc;

internal static class DisclosureMapping
{
    public static Proto.Publication ToProto(this Publication p) => new()
    {
        Id = p.Id.ToString(),
        RequestId = p.RequestId.ToString(),
        Org = p.Org,
        PublishedOn = Format(p.PublishedOn),
        Category = p.Category,
        Title = p.Title,
    };

    public static Proto.DisclosureRequest ToProto(this DisclosureRequest r, WorkingDayCalendar calendar, DateOnly today)
    {
        var proto = new Proto.DisclosureRequest
        {
            Id = r.Id.ToString(),
            RequestId = r.RequestId.ToString(),
            Org = r.Org,
            ReceivedOn = Format(r.ReceivedOn),
            ApplicantType = r.ApplicantType,
            Subject = r.Subject,
            Status = r.Status,
            ClarificationRequestedOn = Format(r.ClarificationRequestedOn),
            ClarifiedOn = Format(r.ClarifiedOn),
            ExtendedOn = Format(r.ExtendedOn),
            ExtensionWorkingDays = r.ExtensionWorkingDays,
            ExtensionReason = r.ExtensionReason ?? "",
            ConcludedOn = Format(r.ConcludedOn),
            Outcome = r.Outcome,
            DueOn = r.Status is Proto.RequestStatus.Open or Proto.RequestStatus.AwaitingClarification ? Format(r.DueOn) : "",
            Overdue = r.IsOverdue(today),
            VoidReason = r.VoidReason ?? "",
            Version = r.Version,
        };
        if (proto.DueOn.Length > 0) proto.DueExplanation = Explanation(r, calendar);
        return proto;
    }

    private static Proto.DueExplanation Explanation(DisclosureRequest r, WorkingDayCalendar calendar)
    {
        var explained = r.Explain(calendar);
        var proto = new Proto.DueExplanation
        {
            StatutoryWorkingDays = StatutoryClock.AnswerWorkingDays,
            ExtensionWorkingDays = r.ExtensionWorkingDays,
            StoppedWorkingDays = r.StoppedWorkingDays,
            CalendarVersion = r.CalendarVersion,
            CalendarWarning = r.CalendarWarning ?? "",
        };
        proto.SkippedDays.AddRange(explained.SkippedDays.Select(s => new Proto.SkippedDay { Date = Format(s.Date), Reason = s.Reason }));
        return proto;
    }

    private static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
