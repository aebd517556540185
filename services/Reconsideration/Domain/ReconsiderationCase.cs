using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Errors;
using Fazhi.ServiceDefaults.Outbox;

namespace Fazhi.Reconsideration.Domain;

/// <summary>
/// One 行政复议 application, from receipt through acceptance (or not), hearings, suspension and extension, to its
/// decision. Every transition checks the current state and the order of business dates, and refuses illegal moves;
/// each accepted change bumps <see cref="Version"/>, which the reporting service uses to apply changes exactly once.
/// </summary>
public sealed class ReconsiderationCase : IPublishesIntegrationState, IAuditedAggregate
{
    private List<DateOnly> _hearingDates = [];

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public ApplicantType ApplicantType { get; private set; }
    public ActCategory Category { get; private set; }
    public string Respondent { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public CaseStatus Status { get; private set; }
    public DateOnly AcceptanceDueOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public Procedure Procedure { get; private set; }
    public int ExtensionDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? SuspendedOn { get; private set; }
    public int SuspendedDays { get; private set; }
    public DateOnly? Deadline { get; private set; }
    public DateOnly? RejectedOn { get; private set; }
    public string? RejectionReason { get; private set; }
    public IReadOnlyList<DateOnly> HearingDates => _hearingDates;
    public DateOnly? DecidedOn { get; private set; }
    public Decision Decision { get; private set; }
    public string? VoidReason { get; private set; }
    public string CalendarVersion { get; private set; } = "";
    public long Version { get; private set; }

    private ReconsiderationCase() { }

    public static ReconsiderationCase Receive(
        Guid requestId, string org, DateOnly receivedOn, ApplicantType applicantType, ActCategory category,
        string respondent, string summary, DateOnly today, WorkingDayCalendar calendar)
    {
        NotInFuture("receivedOn", receivedOn, today);
        var created = new ReconsiderationCase
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Org = org,
            ReceivedOn = receivedOn,
            ApplicantType = applicantType,
            Category = category,
            Respondent = respondent,
            Summary = summary,
            Status = CaseStatus.Received,
            Version = 1,
        };
        created.RecomputeDeadlines(calendar);
        return created;
    }

    /// <summary>True when a repeated create carries the same application, so returning this case is a safe retry.</summary>
    public bool IsSameApplication(string org, DateOnly receivedOn, ApplicantType applicantType, ActCategory category, string respondent, string summary) =>
        Org == org && ReceivedOn == receivedOn && ApplicantType == applicantType && Category == category
        && Respondent == respondent && Summary == summary;

    public void Accept(DateOnly acceptedOn, Procedure procedure, DateOnly today, WorkingDayCalendar calendar)
    {
        RequireStatus("accept", CaseStatus.Received);
        KnownProcedure(procedure);
        NotInFuture("acceptedOn", acceptedOn, today);
        NotBefore("acceptedOn", acceptedOn, "receivedOn", ReceivedOn);
        AcceptedOn = acceptedOn;
        Procedure = procedure;
        Status = CaseStatus.Accepted;
        RecomputeDeadlines(calendar);
        Version++;
    }

    public void Reject(DateOnly rejectedOn, string reason, DateOnly today)
    {
        RequireStatus("reject", CaseStatus.Received);
        NotInFuture("rejectedOn", rejectedOn, today);
        NotBefore("rejectedOn", rejectedOn, "receivedOn", ReceivedOn);
        RejectedOn = rejectedOn;
        RejectionReason = reason;
        Status = CaseStatus.Rejected;
        Version++;
    }

    public void RecordHearing(DateOnly heldOn, DateOnly today)
    {
        RequireStatus("record a hearing for", CaseStatus.Accepted);
        NotInFuture("heldOn", heldOn, today);
        NotBefore("heldOn", heldOn, "acceptedOn", AcceptedOn!.Value);
        if (_hearingDates.Contains(heldOn)) throw new RuleViolationException($"A hearing on {heldOn:yyyy-MM-dd} is already recorded.");
        _hearingDates = [.. _hearingDates.Append(heldOn).Order()];
        Version++;
    }

    public void Extend(int days, string reason, WorkingDayCalendar calendar)
    {
        RequireStatus("extend", CaseStatus.Accepted, CaseStatus.Suspended);
        if (Procedure != Procedure.Ordinary) throw new RuleViolationException("Only a case under the ordinary procedure can be extended.");
        if (ExtensionDays > 0) throw new RuleViolationException("The case has already been extended; the law allows one extension.");
        if (days is < 1 or > StatutoryDeadlines.MaxExtensionDays)
            throw new RuleViolationException($"An extension is 1 to {StatutoryDeadlines.MaxExtensionDays} days.");
        ExtensionDays = days;
        ExtensionReason = reason;
        RecomputeDeadlines(calendar);
        Version++;
    }

    public void Suspend(DateOnly suspendedOn, DateOnly today)
    {
        RequireStatus("suspend", CaseStatus.Accepted);
        NotInFuture("suspendedOn", suspendedOn, today);
        NotBefore("suspendedOn", suspendedOn, "acceptedOn", AcceptedOn!.Value);
        SuspendedOn = suspendedOn;
        Status = CaseStatus.Suspended;
        // The clock is stopped: no deadline runs until the case resumes.
        Deadline = null;
        Version++;
    }

    public void Resume(DateOnly resumedOn, DateOnly today, WorkingDayCalendar calendar)
    {
        RequireStatus("resume", CaseStatus.Suspended);
        NotInFuture("resumedOn", resumedOn, today);
        NotBefore("resumedOn", resumedOn, "suspendedOn", SuspendedOn!.Value);
        SuspendedDays += resumedOn.DayNumber - SuspendedOn.Value.DayNumber;
        SuspendedOn = null;
        Status = CaseStatus.Accepted;
        RecomputeDeadlines(calendar);
        Version++;
    }

    public void Decide(DateOnly decidedOn, Decision decision, DateOnly today, WorkingDayCalendar calendar)
    {
        RequireStatus("decide", CaseStatus.Accepted, CaseStatus.Suspended);
        NotInFuture("decidedOn", decidedOn, today);
        NotBefore("decidedOn", decidedOn, "acceptedOn", AcceptedOn!.Value);
        if (_hearingDates.Count > 0) NotBefore("decidedOn", decidedOn, "the last hearing", _hearingDates[^1]);
        if (SuspendedOn is { } suspendedOn)
        {
            NotBefore("decidedOn", decidedOn, "suspendedOn", suspendedOn);
            SuspendedDays += decidedOn.DayNumber - suspendedOn.DayNumber;
            SuspendedOn = null;
        }
        DecidedOn = decidedOn;
        Decision = decision;
        Status = CaseStatus.Decided;
        // A case decided while suspended gets back its (shifted) deadline, as a resume would have given it.
        RecomputeDeadlines(calendar);
        Version++;
    }

    /// <summary>
    /// Fixes wrongly entered dates or codes without changing the case's stage: a correction may only touch the
    /// steps the case has actually taken, and the corrected case must still be in a consistent order of dates.
    /// </summary>
    public void Correct(CaseCorrection correction, DateOnly today, WorkingDayCalendar calendar)
    {
        if (Status == CaseStatus.Voided) throw new RuleViolationException("A voided case cannot be corrected.");
        if (string.IsNullOrWhiteSpace(correction.Reason)) throw new RuleViolationException("A correction needs a reason.");

        var accepted = AcceptedOn is not null;
        RequireStep(correction.AcceptedOn is not null || correction.Procedure is not null || correction.HearingDates is not null,
            accepted, "acceptedOn, procedure and hearingDates can only be corrected on an accepted case");
        RequireStep(correction.RejectedOn is not null, Status == CaseStatus.Rejected, "rejectedOn can only be corrected on a rejected case");
        RequireStep(correction.DecidedOn is not null || correction.Decision is not null, Status == CaseStatus.Decided,
            "decidedOn and decision can only be corrected on a decided case");
        if (correction.Procedure is { } procedure)
        {
            KnownProcedure(procedure);
            if (procedure != Procedure.Ordinary && ExtensionDays > 0)
                throw new RuleViolationException("An extended case must stay under the ordinary procedure.");
        }

        var receivedOn = correction.ReceivedOn ?? ReceivedOn;
        var acceptedOn = correction.AcceptedOn ?? AcceptedOn;
        var rejectedOn = correction.RejectedOn ?? RejectedOn;
        var decidedOn = correction.DecidedOn ?? DecidedOn;
        var hearings = (correction.HearingDates ?? _hearingDates).Distinct().Order().ToList();

        NotInFuture("receivedOn", receivedOn, today);
        if (acceptedOn is { } a)
        {
            NotInFuture("acceptedOn", a, today);
            NotBefore("acceptedOn", a, "receivedOn", receivedOn);
            if (SuspendedOn is { } suspendedOn) NotBefore("suspendedOn", suspendedOn, "acceptedOn", a);
        }
        if (rejectedOn is { } r) { NotInFuture("rejectedOn", r, today); NotBefore("rejectedOn", r, "receivedOn", receivedOn); }
        foreach (var h in hearings)
        {
            NotInFuture("hearingDates", h, today);
            NotBefore("hearingDates", h, "acceptedOn", acceptedOn!.Value);
        }
        if (decidedOn is { } d)
        {
            NotInFuture("decidedOn", d, today);
            NotBefore("decidedOn", d, "acceptedOn", acceptedOn!.Value);
            if (hearings.Count > 0) NotBefore("decidedOn", d, "the last hearing", hearings[^1]);
        }

        ReceivedOn = receivedOn;
        AcceptedOn = acceptedOn;
        RejectedOn = rejectedOn;
        DecidedOn = decidedOn;
        _hearingDates = hearings;
        ApplicantType = correction.ApplicantType ?? ApplicantType;
        Category = correction.Category ?? Category;
        Respondent = correction.Respondent ?? Respondent;
        Summary = correction.Summary ?? Summary;
        Procedure = correction.Procedure ?? Procedure;
        Decision = correction.Decision ?? Decision;
        RecomputeDeadlines(calendar);
        Version++;
    }

    /// <summary>Withdraws a case logged by mistake: it keeps its history but leaves every figure.</summary>
    public void Void(string reason)
    {
        if (Status == CaseStatus.Voided) throw new RuleViolationException("The case is already voided.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("Voiding a case needs a reason.");
        VoidReason = reason;
        Status = CaseStatus.Voided;
        Version++;
    }

    /// <summary>Pending (accepted, not decided) and past its statutory deadline on <paramref name="day"/>.</summary>
    public bool IsOverdueOn(DateOnly day) =>
        Status == CaseStatus.Accepted && Deadline is { } deadline && deadline < day;

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public ReconsiderationCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Status = ProtoEnum.Name(Status),
        ReceivedOn = ReceivedOn,
        ApplicantType = ProtoEnum.Name(ApplicantType),
        Category = ProtoEnum.Name(Category),
        AcceptedOn = AcceptedOn,
        Procedure = AcceptedOn is null ? null : ProtoEnum.Name(Procedure),
        Deadline = Deadline,
        RejectedOn = RejectedOn,
        HearingDates = [.. _hearingDates],
        DecidedOn = DecidedOn,
        Decision = DecidedOn is null ? null : ProtoEnum.Name(Decision),
        Voided = Status == CaseStatus.Voided,
        ChangedAt = changedAt,
    };

    private void RecomputeDeadlines(WorkingDayCalendar calendar)
    {
        CalendarVersion = calendar.Version;
        AcceptanceDueOn = StatutoryDeadlines.AcceptanceDue(ReceivedOn, calendar);
        Deadline = AcceptedOn is { } acceptedOn && SuspendedOn is null
            ? StatutoryDeadlines.DecisionDue(acceptedOn, Procedure, ExtensionDays, SuspendedDays, calendar)
            : null;
    }

    private void RequireStatus(string action, params CaseStatus[] allowed)
    {
        if (allowed.Contains(Status)) return;
        var why = Status switch
        {
            CaseStatus.Received => "it has not been accepted",
            CaseStatus.Accepted when action == "accept" => "it is already accepted",
            CaseStatus.Accepted => "it is accepted and not suspended",
            CaseStatus.Suspended => "it is suspended",
            CaseStatus.Rejected => "it was not accepted (rejected)",
            CaseStatus.Decided => "it is already decided",
            CaseStatus.Voided => "it is voided",
            _ => $"its status is {Status}",
        };
        throw new RuleViolationException($"Cannot {action} case {Id}: {why}.");
    }

    private static void KnownProcedure(Procedure procedure)
    {
        if (procedure is not (Procedure.Ordinary or Procedure.Simplified))
            throw new RuleViolationException($"Unknown procedure {procedure}.");
    }

    private static void RequireStep(bool touched, bool stepTaken, string message)
    {
        if (touched && !stepTaken) throw new RuleViolationException(message + ".");
    }

    private static void NotInFuture(string field, DateOnly date, DateOnly today)
    {
        if (date > today) throw new RuleViolationException($"{field} {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
    }

    private static void NotBefore(string field, DateOnly date, string earlierField, DateOnly earlier)
    {
        if (date < earlier)
            throw new RuleViolationException($"{field} {date:yyyy-MM-dd} is before {earlierField} {earlier:yyyy-MM-dd}.");
    }
}
