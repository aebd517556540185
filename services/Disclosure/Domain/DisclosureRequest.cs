using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Disclosure;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;
using Fazhi.ServiceDefaults.Hosting;

namespace Fazhi.Disclosure.Domain;

/// <summary>
/// One 依申请公开 request: received from an applicant of one of table 三's columns, possibly sent back for clarification
/// (补正, the clock stops), possibly extended once, and concluded with exactly one outcome row of table 三. The due date
/// is kept with the calendar version it was computed with, so a new holiday schedule can recompute open requests.
/// </summary>
public sealed class DisclosureRequest : ICase<DisclosureCaseChanged>, IFollowsCalendar
{
    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public ApplicantType ApplicantType { get; private set; }
    public string Subject { get; private set; } = "";
    public RequestStatus Status { get; private set; }
    public DateOnly? ClarificationRequestedOn { get; private set; }
    public DateOnly? ClarifiedOn { get; private set; }
    public DateOnly? ExtendedOn { get; private set; }
    public int ExtensionWorkingDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public Outcome Outcome { get; private set; }
    public int StoppedWorkingDays { get; private set; }
    /// <summary>Null while the clock is stopped for 补正.</summary>
    public DateOnly? DueOn { get; private set; }
    public string CalendarVersion { get; private set; } = "";
    public string? CalendarWarning { get; private set; }
    public string? VoidReason { get; private set; }
    public long Version { get; private set; }

    private DisclosureRequest() { }

    public static DisclosureRequest Receive(
        Guid requestId, string org, DateOnly receivedOn, ApplicantType applicantType, string subject, WorkingDayCalendar calendar, DateOnly today)
    {
        NotInFuture("receivedOn", receivedOn, today);
        if (!Enum.IsDefined(applicantType) || applicantType == ApplicantType.Unspecified)
            throw new RuleViolationException("APPLICANT_TYPE_UNKNOWN", $"Unknown applicant type {applicantType}.");
        var request = new DisclosureRequest
        {
            Id = Guid.CreateVersion7(), RequestId = requestId, Org = org, ReceivedOn = receivedOn, ApplicantType = applicantType,
            Subject = subject, Status = RequestStatus.Open, Version = 1,
        };
        request.ComputeDueOn(calendar);
        return request;
    }

    /// <summary>True when a repeated create carries the same request, so returning this one is a safe retry.</summary>
    public bool IsSameRequest(string org, DateOnly receivedOn, ApplicantType applicantType, string subject) =>
        Org == org && ReceivedOn == receivedOn && ApplicantType == applicantType && Subject == subject;

    public bool IsOverdue(DateOnly today) => Status == RequestStatus.Open && DueOn is { } due && today > due;

    /// <summary>补正: asked for once, within 7 working days of receipt; the clock stops from this day.</summary>
    public void RequestClarification(DateOnly on, WorkingDayCalendar calendar, DateOnly today)
    {
        RequireStatus("ask for clarification of", RequestStatus.Open);
        if (ClarificationRequestedOn is not null)
            throw new RuleViolationException("CLARIFICATION_ALREADY_REQUESTED", $"Clarification of request {Id} was already asked for on {ClarificationRequestedOn:yyyy-MM-dd}: the law allows it once.");
        NotInFuture("on", on, today);
        NotBefore("on", on, "receivedOn", ReceivedOn);
        var latest = calendar.AddWorkingDays(ReceivedOn, StatutoryClock.ClarificationWithinWorkingDays);
        if (on > latest)
            throw new RuleViolationException("CLARIFICATION_TOO_LATE", $"Clarification must be asked for within {StatutoryClock.ClarificationWithinWorkingDays} working days of receipt, by {latest:yyyy-MM-dd}.");
        ClarificationRequestedOn = on;
        Status = RequestStatus.AwaitingClarification;
        ComputeDueOn(calendar);
        Version++;
    }

    /// <summary>The applicant's answer: the clock runs again from the next working day.</summary>
    public void RecordClarification(DateOnly on, WorkingDayCalendar calendar, DateOnly today)
    {
        if (Status != RequestStatus.AwaitingClarification)
            throw new RuleViolationException("CLARIFICATION_NOT_REQUESTED", $"Request {Id} is not waiting for a clarification.");
        NotInFuture("on", on, today);
        NotBefore("on", on, "clarificationRequestedOn", ClarificationRequestedOn!.Value);
        ClarifiedOn = on;
        Status = RequestStatus.Open;
        ComputeDueOn(calendar);
        Version++;
    }

    /// <summary>延期: once, by 1 to 20 working days, with a reason, before the period runs out.</summary>
    public void Extend(DateOnly on, int workingDays, string reason, WorkingDayCalendar calendar, DateOnly today)
    {
        RequireStatus("extend", RequestStatus.Open);
        if (ExtendedOn is not null)
            throw new RuleViolationException("REQUEST_ALREADY_EXTENDED", $"Request {Id} was already extended on {ExtendedOn:yyyy-MM-dd}: the law allows it once.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("REASON_REQUIRED", "An extension needs a reason.");
        if (workingDays is < 1 or > StatutoryClock.MaxExtensionWorkingDays)
            throw new RuleViolationException("EXTENSION_TOO_LONG", $"An extension is 1 to {StatutoryClock.MaxExtensionWorkingDays} working days, not {workingDays}.");
        NotInFuture("on", on, today);
        NotBefore("on", on, LastStep.Field, LastStep.On);
        if (on > DueOn)
            throw new RuleViolationException("REQUEST_OVERDUE", $"The answer was due on {DueOn:yyyy-MM-dd}: an extension must be decided within the period.");
        ExtendedOn = on;
        ExtensionWorkingDays = workingDays;
        ExtensionReason = reason;
        ComputeDueOn(calendar);
        Version++;
    }

    /// <summary>The answer: exactly one outcome row of table 三. A request still waiting for 补正 may end unanswered.</summary>
    public void Conclude(DateOnly on, Outcome outcome, DateOnly today)
    {
        if (Status == RequestStatus.Concluded)
            throw new RuleViolationException("REQUEST_ALREADY_CONCLUDED", $"Request {Id} was already concluded on {ConcludedOn:yyyy-MM-dd} ({ProtoEnum.Name(Outcome)}).");
        RequireStatus("conclude", RequestStatus.Open, RequestStatus.AwaitingClarification);
        if (!Enum.IsDefined(outcome) || outcome == Outcome.Unspecified)
            throw new RuleViolationException("OUTCOME_UNKNOWN", $"Unknown outcome {outcome}.");
        // Only these two rows describe a request whose 补正 never came; any other answer needs the request answered.
        var awaiting = Status == RequestStatus.AwaitingClarification;
        if (outcome == Outcome.OtherNoClarification && !awaiting)
            throw new RuleViolationException("CLARIFICATION_NOT_REQUESTED", "OUTCOME_OTHER_NO_CLARIFICATION needs a clarification asked for and not received.");
        if (outcome == Outcome.UnavailableUnclear && ClarificationRequestedOn is null)
            throw new RuleViolationException("CLARIFICATION_NOT_REQUESTED", "OUTCOME_UNAVAILABLE_UNCLEAR needs a clarification asked for first.");
        if (awaiting && outcome is not (Outcome.OtherNoClarification or Outcome.UnavailableUnclear or Outcome.Other))
            throw new RuleViolationException("AWAITING_CLARIFICATION", $"Request {Id} waits for the applicant's clarification; record it first.");
        NotInFuture("concludedOn", on, today);
        NotBefore("concludedOn", on, LastStep.Field, LastStep.On);
        ConcludedOn = on;
        Outcome = outcome;
        Status = RequestStatus.Concluded;
        Version++;
    }

    public void Void(string reason)
    {
        if (Status == RequestStatus.Voided) throw new RuleViolationException("REQUEST_VOIDED", $"Request {Id} is already voided.");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("REASON_REQUIRED", "Voiding a request needs a reason.");
        VoidReason = reason;
        Status = RequestStatus.Voided;
        Version++;
    }

    /// <summary>
    /// A new holiday schedule: an open request's due date is recomputed with it. A request answers within weeks, so
    /// its whole period is recomputed (an overdue one stays overdue only if it still is under the new schedule).
    /// </summary>
    /// <remarks>A request lasts weeks, not months: its whole period is recomputed, whatever day the schedule is loaded.</remarks>
    public bool AdoptCalendar(WorkingDayCalendar calendar, DateOnly today)
    {
        if (CalendarVersion == calendar.Version || Status is not (RequestStatus.Open or RequestStatus.AwaitingClarification)) return false;
        ComputeDueOn(calendar);
        Version++;
        return true;
    }

    public DeadlineExplanation Explain(WorkingDayCalendar calendar) =>
        StatutoryClock.Explain(calendar, ReceivedOn, ExtensionWorkingDays, StoppedWorkingDays);

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public DisclosureCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Kind = DisclosureCaseChanged.RequestKind,
        ReceivedOn = ReceivedOn,
        ApplicantType = ProtoEnum.Name(ApplicantType),
        ConcludedOn = ConcludedOn,
        Outcome = ConcludedOn is null ? null : ProtoEnum.Name(Outcome),
        Voided = Status == RequestStatus.Voided,
        ChangedAt = changedAt,
    };

    private (string Field, DateOnly On) LastStep =>
        new[] { ("receivedOn", (DateOnly?)ReceivedOn), ("clarificationRequestedOn", ClarificationRequestedOn), ("clarifiedOn", ClarifiedOn), ("extendedOn", ExtendedOn) }
            .Where(s => s.Item2 is not null)
            .Select(s => (s.Item1, s.Item2!.Value))
            .MaxBy(s => s.Item2);

    private void ComputeDueOn(WorkingDayCalendar calendar)
    {
        StoppedWorkingDays = ClarificationRequestedOn is { } asked && ClarifiedOn is { } answered
            ? StatutoryClock.WorkingDaysBetween(calendar, asked, answered)
            : 0;
        CalendarVersion = calendar.Version;
        if (Status == RequestStatus.AwaitingClarification)
        {
            DueOn = null;
            CalendarWarning = null;
            return;
        }
        var explained = Explain(calendar);
        DueOn = explained.Due;
        CalendarWarning = explained.UnscheduledYears.Count == 0 ? null
            : $"No holiday schedule for {string.Join(", ", explained.UnscheduledYears)}: those days were judged Monday to Friday.";
    }

    private void RequireStatus(string action, params RequestStatus[] allowed)
    {
        if (allowed.Contains(Status)) return;
        throw Status switch
        {
            RequestStatus.Voided => new RuleViolationException("REQUEST_VOIDED", $"Cannot {action} request {Id}: it is voided."),
            RequestStatus.Concluded => new RuleViolationException("REQUEST_CONCLUDED", $"Cannot {action} request {Id}: it was concluded on {ConcludedOn:yyyy-MM-dd}."),
            _ => new RuleViolationException("AWAITING_CLARIFICATION", $"Cannot {action} request {Id}: it waits for the applicant's clarification."),
        };
    }
}
