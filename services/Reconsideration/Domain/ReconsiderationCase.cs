using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Outbox;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Hosting;

namespace Fazhi.Reconsideration.Domain;

/// <summary>
/// One 行政复议 application under the 2023 revised 行政复议法, from receipt through the acceptance review (with 补正),
/// acceptance (by the clerk, or by law when no 不予受理 came in time), hearings, suspensions and one extension, to its
/// decision, withdrawal or 终止. Every transition checks the current state and the order of business dates and refuses
/// illegal moves with a stable reason (<see cref="CaseRules"/>); each accepted change bumps <see cref="Version"/>,
/// which the reporting service uses to apply changes exactly once.
/// </summary>
public sealed partial class ReconsiderationCase : IPublishesIntegrationState, IAuditedAggregate, IFollowsCalendar
{
    private List<DateOnly> _hearingDates = [];
    private List<Suspension> _suspensions = [];
    private List<DeadlineChange> _deadlineHistory = [];

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public DateOnly ReceivedOn { get; private set; }
    public ApplicantType ApplicantType { get; private set; }
    public ActCategory Category { get; private set; }
    public string Respondent { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public CaseStatus Status { get; private set; }

    /// <summary>Last day of the acceptance review: 5 working days after receipt, or after the supplemented materials arrived.</summary>
    public DateOnly AcceptanceDueOn { get; private set; }
    public DateOnly? MaterialsRequestedOn { get; private set; }
    public DateOnly? MaterialsDueOn { get; private set; }
    public DateOnly? MaterialsReceivedOn { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }
    /// <summary>视为受理: accepted on <see cref="AcceptanceDueOn"/> because nobody refused it within the review period.</summary>
    public bool AcceptedByLaw { get; private set; }
    public Procedure Procedure { get; private set; }
    /// <summary>When a case accepted by law was later put under another procedure, the day that took effect.</summary>
    public DateOnly? ProcedureChosenOn { get; private set; }

    public DateOnly? ExtendedOn { get; private set; }
    public int ExtensionDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public IReadOnlyList<Suspension> Suspensions => _suspensions;

    /// <summary>The decision deadline now in force (null before acceptance and while the clock is stopped).</summary>
    public DateOnly? Deadline { get; private set; }
    public IReadOnlyList<DeadlineChange> DeadlineHistory => _deadlineHistory;
    /// <summary>Deadlines in force before this day were computed with an earlier holiday schedule and are kept as they were.</summary>
    public DateOnly? DeadlinesKeptBefore { get; private set; }

    public DateOnly? RejectedOn { get; private set; }
    public string? RejectionReason { get; private set; }
    public IReadOnlyList<DateOnly> HearingDates => _hearingDates;
    public DateOnly? DecidedOn { get; private set; }
    public Decision Decision { get; private set; }
    public TerminationGround TerminationGround { get; private set; }
    /// <summary>Withdrawn after a settlement (和解): counted with mediation and settlement.</summary>
    public bool Settled { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public string? VoidReason { get; private set; }
    public string CalendarVersion { get; private set; } = "";
    /// <summary>Set when a date of the case falls in a year for which no holiday schedule is loaded.</summary>
    public string? CalendarWarning { get; private set; }
    public long Version { get; private set; }

    /// <summary>The start of the suspension in progress, if any.</summary>
    public DateOnly? SuspendedOn => _suspensions.Count > 0 && _suspensions[^1].To is null ? _suspensions[^1].From : null;

    /// <summary>Days the clock stood still (only suspensions that began before the deadline stop it).</summary>
    public int SuspendedDays => _suspensions.Where(s => s.StoppedClock).Sum(s => s.Days);

    private ReconsiderationCase() { }

    public static ReconsiderationCase Receive(
        Guid requestId, string org, DateOnly receivedOn, ApplicantType applicantType, ActCategory category,
        string respondent, string summary, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("receivedOn", receivedOn, today);
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
            Procedure = Procedure.Ordinary,
            Version = 1,
        };
        created.RecomputeDeadlines(calendar, receivedOn);
        return created;
    }

    /// <summary>True when a repeated create carries the same application, so returning this case is a safe retry.</summary>
    public bool IsSameApplication(string org, DateOnly receivedOn, ApplicantType applicantType, ActCategory category, string respondent, string summary) =>
        Org == org && ReceivedOn == receivedOn && ApplicantType == applicantType && Category == category
        && Respondent == respondent && Summary == summary;

    /// <summary>
    /// 受理. Dated within the review period it is the clerk's acceptance; dated after it, the case was already accepted
    /// by law on the period's last day, and this records the procedure chosen, in force from <paramref name="acceptedOn"/>.
    /// </summary>
    public void Accept(DateOnly acceptedOn, Procedure procedure, DateOnly today, WorkingDayCalendar calendar)
    {
        CaseRules.KnownProcedure(procedure);
        BusinessDates.NotInFuture("acceptedOn", acceptedOn, today);
        NotAbandonedOn(acceptedOn);
        RequireStatus("accept", CaseStatus.Received);
        BusinessDates.NotBefore("acceptedOn", acceptedOn, ReviewStartedOn.Field, ReviewStartedOn.On);
        if (acceptedOn > AcceptanceDueOn)
        {
            AcceptByLaw();
            if (procedure != Procedure.Ordinary)
            {
                Procedure = procedure;
                ProcedureChosenOn = acceptedOn;
            }
        }
        else
        {
            AcceptedOn = acceptedOn;
            Procedure = procedure;
            Status = CaseStatus.Accepted;
        }
        Changed(calendar, acceptedOn);
    }

    /// <summary>不予受理, possible only within the review period: after it the application is accepted by law.</summary>
    public void Reject(DateOnly rejectedOn, string reason, DateOnly today)
    {
        BusinessDates.NotInFuture("rejectedOn", rejectedOn, today);
        NotAbandonedOn(rejectedOn);
        RequireStatus("reject", CaseStatus.Received);
        BusinessDates.NotBefore("rejectedOn", rejectedOn, ReviewStartedOn.Field, ReviewStartedOn.On);
        if (rejectedOn > AcceptanceDueOn) throw CaseRules.ReviewPeriodOver(Id, AcceptanceDueOn, rejectedOn);
        RejectedOn = rejectedOn;
        RejectionReason = reason;
        Status = CaseStatus.Rejected;
        // The acceptance by law it would have had, and its deadlines, are gone with the rejection.
        _deadlineHistory = [];
        Deadline = null;
        Version++;
    }

    /// <summary>补正 (Art. 31): within the review period; the review clock stops until the materials arrive.</summary>
    public void RequestMaterials(DateOnly requestedOn, DateOnly dueOn, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("requestedOn", requestedOn, today);
        RequireStatus("ask for materials on", CaseStatus.Received);
        if (MaterialsRequestedOn is not null) throw CaseRules.Violation("MATERIALS_ALREADY_REQUESTED",
            $"Materials were already requested on {MaterialsRequestedOn:yyyy-MM-dd}; the law allows one request to supplement.");
        BusinessDates.NotBefore("requestedOn", requestedOn, "receivedOn", ReceivedOn);
        if (requestedOn > AcceptanceDueOn) throw CaseRules.Violation("REVIEW_PERIOD_OVER",
            $"Materials can only be requested within the review period, which ended on {AcceptanceDueOn:yyyy-MM-dd}; the case is accepted by law.");
        if (dueOn <= requestedOn) throw CaseRules.Violation("DATE_OUT_OF_ORDER", $"dueOn {dueOn:yyyy-MM-dd} must be after requestedOn {requestedOn:yyyy-MM-dd}.");
        MaterialsRequestedOn = requestedOn;
        MaterialsDueOn = dueOn;
        Status = CaseStatus.AwaitingMaterials;
        Changed(calendar, requestedOn);
    }

    /// <summary>The supplemented materials arrived in time: the 5-working-day review starts again from that day.</summary>
    public void ReceiveMaterials(DateOnly receivedOn, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("receivedOn", receivedOn, today);
        RequireStatus("record materials for", CaseStatus.AwaitingMaterials);
        BusinessDates.NotBefore("receivedOn", receivedOn, "materialsRequestedOn", MaterialsRequestedOn!.Value);
        NotAbandonedOn(receivedOn);
        MaterialsReceivedOn = receivedOn;
        Status = CaseStatus.Received;
        Changed(calendar, receivedOn);
    }

    public void RecordHearing(DateOnly heldOn, DateOnly today)
    {
        BusinessDates.NotInFuture("heldOn", heldOn, today);
        RequireStatusOn(heldOn, "record a hearing for", CaseStatus.Accepted);
        BusinessDates.NotBefore("heldOn", heldOn, "acceptedOn", EffectiveAcceptedOn!.Value);
        if (_hearingDates.Contains(heldOn)) throw CaseRules.Violation("HEARING_ALREADY_RECORDED", $"A hearing on {heldOn:yyyy-MM-dd} is already recorded.");
        AcceptByLawIfDue(heldOn);
        _hearingDates = [.. _hearingDates.Append(heldOn).Order()];
        Version++;
    }

    /// <summary>延期 (Art. 62): once, up to 30 days, ordinary procedure, decided on or before the deadline then in force.</summary>
    public void Extend(DateOnly extendedOn, int days, string reason, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("extendedOn", extendedOn, today);
        RequireStatusOn(extendedOn, "extend", CaseStatus.Accepted, CaseStatus.Suspended);
        if (Procedure != Procedure.Ordinary) throw CaseRules.Violation("EXTENSION_NOT_ALLOWED", "Only a case under the ordinary procedure can be extended.");
        if (ExtensionDays > 0) throw CaseRules.Violation("DEADLINE_ALREADY_EXTENDED", "The case has already been extended; the law allows one extension.");
        if (days is < 1 or > StatutoryDeadlines.MaxExtensionDays)
            throw CaseRules.Violation("EXTENSION_TOO_LONG", $"An extension is 1 to {StatutoryDeadlines.MaxExtensionDays} days.");
        if (string.IsNullOrWhiteSpace(reason)) throw CaseRules.Violation("REASON_REQUIRED", "An extension needs a reason.");
        BusinessDates.NotBefore("extendedOn", extendedOn, "acceptedOn", EffectiveAcceptedOn!.Value);
        if (DecisionTimeline.InForceOn(_deadlineHistory, extendedOn) is { } deadline && extendedOn > deadline)
            throw CaseRules.Violation("EXTENSION_TOO_LATE",
                $"The deadline {deadline:yyyy-MM-dd} had passed on {extendedOn:yyyy-MM-dd}; an extension must be decided on or before it.");
        AcceptByLawIfDue(extendedOn);
        ExtendedOn = extendedOn;
        ExtensionDays = days;
        ExtensionReason = reason;
        Changed(calendar, extendedOn);
    }

    /// <summary>中止 (Art. 39): stops the clock; a case already overdue stays overdue for the days it was.</summary>
    public void Suspend(DateOnly suspendedOn, DateOnly today, WorkingDayCalendar calendar, string? reason = null)
    {
        BusinessDates.NotInFuture("suspendedOn", suspendedOn, today);
        RequireStatusOn(suspendedOn, "suspend", CaseStatus.Accepted);
        BusinessDates.NotBefore("suspendedOn", suspendedOn, "acceptedOn", EffectiveAcceptedOn!.Value);
        if (_suspensions.Count > 0 && suspendedOn < _suspensions[^1].To)
            throw CaseRules.Violation("SUSPENSIONS_OVERLAP",
                $"suspendedOn {suspendedOn:yyyy-MM-dd} is inside the previous suspension, which ended on {_suspensions[^1].To:yyyy-MM-dd}.");
        var stopsClock = DecisionTimeline.InForceOn(_deadlineHistory, suspendedOn) is not { } deadline || suspendedOn <= deadline;
        AcceptByLawIfDue(suspendedOn);
        _suspensions = [.. _suspensions, new Suspension(suspendedOn, null, reason, stopsClock)];
        Status = CaseStatus.Suspended;
        Changed(calendar, suspendedOn);
    }

    public void Resume(DateOnly resumedOn, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("resumedOn", resumedOn, today);
        RequireStatus("resume", CaseStatus.Suspended);
        BusinessDates.NotBefore("resumedOn", resumedOn, "suspendedOn", SuspendedOn!.Value);
        _suspensions = [.. _suspensions.SkipLast(1), _suspensions[^1] with { To = resumedOn }];
        Status = CaseStatus.Accepted;
        Changed(calendar, resumedOn);
    }

    /// <summary>审结. 终止 needs its Art. 41 ground; no other decision takes one.</summary>
    public void Decide(DateOnly decidedOn, Decision decision, DateOnly today, WorkingDayCalendar calendar,
        TerminationGround ground = TerminationGround.Unspecified)
    {
        BusinessDates.NotInFuture("decidedOn", decidedOn, today);
        CaseRules.KnownDecision(decision, ground);
        RequireStatusOn(decidedOn, "decide", CaseStatus.Accepted, CaseStatus.Suspended);
        CheckEndOn(decidedOn, "decidedOn");
        AcceptByLawIfDue(decidedOn);
        EndSuspensionBy(decidedOn);
        DecidedOn = decidedOn;
        Decision = decision;
        TerminationGround = ground;
        if (ground == TerminationGround.Withdrawn) WithdrawnOn = decidedOn;
        Status = CaseStatus.Decided;
        Changed(calendar, decidedOn);
    }

    /// <summary>
    /// 撤回 (Art. 74): before a decision. Not yet accepted, the application simply ends withdrawn; accepted, the case
    /// ends 终止 on the ground "withdrawn" (and counts as settled when the withdrawal follows a 和解).
    /// </summary>
    public void Withdraw(DateOnly withdrawnOn, string reason, bool settled, DateOnly today, WorkingDayCalendar calendar)
    {
        BusinessDates.NotInFuture("withdrawnOn", withdrawnOn, today);
        if (string.IsNullOrWhiteSpace(reason)) throw CaseRules.Violation("REASON_REQUIRED", "A withdrawal needs a reason.");
        NotAbandonedOn(withdrawnOn);
        RequireStatusOn(withdrawnOn, "withdraw", CaseStatus.Received, CaseStatus.AwaitingMaterials, CaseStatus.Accepted, CaseStatus.Suspended);
        if (StatusOn(withdrawnOn) is CaseStatus.Received or CaseStatus.AwaitingMaterials)
        {
            if (settled) throw CaseRules.Violation("CASE_NOT_ACCEPTED", "A settlement (和解) presupposes an accepted case.");
            BusinessDates.NotBefore("withdrawnOn", withdrawnOn, ReviewStartedOn.Field, ReviewStartedOn.On);
            Status = CaseStatus.Withdrawn;
            _deadlineHistory = [];
            Deadline = null;
        }
        else
        {
            CheckEndOn(withdrawnOn, "withdrawnOn");
            AcceptByLawIfDue(withdrawnOn);
            EndSuspensionBy(withdrawnOn);
            DecidedOn = withdrawnOn;
            Decision = Decision.Terminate;
            TerminationGround = TerminationGround.Withdrawn;
            Settled = settled;
            Status = CaseStatus.Decided;
        }
        WithdrawnOn = withdrawnOn;
        WithdrawalReason = reason;
        if (Status == CaseStatus.Decided) Changed(calendar, withdrawnOn);
        else Version++;
    }

    /// <summary>Withdraws a case logged by mistake: it keeps its history but leaves every figure.</summary>
    public void Void(string reason)
    {
        if (Status == CaseStatus.Voided) throw CaseRules.Violation("CASE_VOIDED", "The case is already voided.");
        if (string.IsNullOrWhiteSpace(reason)) throw CaseRules.Violation("REASON_REQUIRED", "Voiding a case needs a reason.");
        VoidReason = reason;
        Status = CaseStatus.Voided;
        Version++;
    }

    /// <summary>
    /// A new holiday schedule: an open case's deadlines are recomputed from <paramref name="today"/> on; those in force
    /// before stay as they were, so figures for past days do not move. False when nothing needed recomputing.
    /// </summary>
    public bool AdoptCalendar(WorkingDayCalendar calendar, DateOnly today)
    {
        if (CalendarVersion == calendar.Version || !IsOpen) return false;
        AcceptByLawIfDue(today);
        if (Status == CaseStatus.AwaitingMaterials && AbandonedOn is { } abandoned && abandoned <= today) return false;
        DeadlinesKeptBefore = DeadlinesKeptBefore is { } kept && kept > today ? kept : today;
        RecomputeDeadlines(calendar, today);
        Version++;
        return true;
    }

    public bool IsOpen => Status is CaseStatus.Received or CaseStatus.AwaitingMaterials or CaseStatus.Accepted or CaseStatus.Suspended;

    /// <summary>视为放弃: the day after the time given for the materials, if they have not come.</summary>
    public DateOnly? AbandonedOn => Status == CaseStatus.AwaitingMaterials ? MaterialsDueOn!.Value.AddDays(1) : null;

    /// <summary>
    /// The day acceptance took (or, for an application still in review, will take) effect: the clerk's acceptance or
    /// the last day of the review period.
    /// </summary>
    public DateOnly? EffectiveAcceptedOn => AcceptedOn ?? (Status == CaseStatus.Received ? AcceptanceDueOn : null);

    /// <summary>The status as of <paramref name="day"/>, with what the law makes of the dates (视为受理, 视为放弃).</summary>
    public CaseStatus StatusOn(DateOnly day) => Status switch
    {
        CaseStatus.Received when day > AcceptanceDueOn => CaseStatus.Accepted,
        CaseStatus.AwaitingMaterials when day >= AbandonedOn => CaseStatus.Abandoned,
        _ => Status,
    };

    /// <summary>Pending (accepted, not decided) on <paramref name="day"/> and past the deadline then in force.</summary>
    public bool IsOverdueOn(DateOnly day) =>
        Status is not (CaseStatus.Voided or CaseStatus.Rejected or CaseStatus.Withdrawn or CaseStatus.AwaitingMaterials)
        && EffectiveAcceptedOn <= day && (DecidedOn is null || day < DecidedOn)
        && DecisionTimeline.InForceOn(_deadlineHistory, day) is { } deadline && deadline < day;

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
        AcceptedOn = EffectiveAcceptedOn,
        AcceptedByLaw = AcceptedByLaw || Status == CaseStatus.Received,
        Procedure = EffectiveAcceptedOn is null ? null : ProtoEnum.Name(Procedure),
        Deadline = Deadline,
        DeadlineHistory = [.. _deadlineHistory.Select(c => new DeadlineInForce(c.From, c.Deadline))],
        RejectedOn = RejectedOn,
        HearingDates = [.. _hearingDates],
        DecidedOn = DecidedOn,
        Decision = DecidedOn is null ? null : ProtoEnum.Name(Decision),
        TerminationGround = Decision == Decision.Terminate && DecidedOn is not null ? ProtoEnum.Name(TerminationGround) : null,
        Settled = Settled,
        AbandonedOn = AbandonedOn,
        WithdrawnOn = WithdrawnOn,
        Voided = Status == CaseStatus.Voided,
        ChangedAt = changedAt,
    };
}
