using System.Globalization;
using System.Text.RegularExpressions;
using Fazhi.ServiceDefaults.Errors;
using Fazhi.Calendar;
using Fazhi.Disclosure.Domain;
using Proto = Fazhi.Contracts.Disclosure;

namespace Fazhi.Disclosure.Grpc;

internal static partial class DisclosureMapping
{
    public static Proto.Statistics ToProto(this DisclosureStatistics s) => new()
    {
        Id = s.Id.ToString(),
        Org = s.Org,
        Year = s.Year,
        RulesIssued = s.RulesIssued,
        RulesRepealed = s.RulesRepealed,
        RulesInForce = s.RulesInForce,
        NormativeDocumentsIssued = s.NormativeDocumentsIssued,
        NormativeDocumentsRepealed = s.NormativeDocumentsRepealed,
        NormativeDocumentsInForce = s.NormativeDocumentsInForce,
        LicensingDecisions = s.LicensingDecisions,
        PenaltyDecisions = s.PenaltyDecisions,
        CompulsionDecisions = s.CompulsionDecisions,
        FeesWanYuan = s.FeesWanYuan.ToString("0.####", CultureInfo.InvariantCulture),
        Version = s.Version,
    };

    /// <summary>
    /// Fees in 万元 as the API carries them, a decimal string: up to 5 digits before the point and 4 after, no sign, no
    /// exponent. A string rather than a double so that 0.35 is 0.35 and never 0.34999….
    /// </summary>
    public static decimal FeesWanYuan(InputCheck check, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            check.Fail(field, "is required: the fees in 万元 as a decimal string, \"0\" when none were charged");
            return 0;
        }
        if (!FeesPattern().IsMatch(value))
        {
            check.Fail(field, $"'{value}' is not an amount in 万元: a non-negative decimal with at most 5 digits before the point and 4 after, e.g. \"0.35\"");
            return 0;
        }
        return decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[0-9]{1,5}(\.[0-9]{1,4})?$")]
    private static partial Regex FeesPattern();

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
