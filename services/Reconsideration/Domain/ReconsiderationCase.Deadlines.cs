using Fazhi.Calendar;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Cases;

namespace Fazhi.Reconsideration.Domain;

// The state every transition shares: what the law derives from dates (视为受理, 视为放弃) and the deadline history.
public sealed partial class ReconsiderationCase
{
    /// <summary>The review runs from receipt, or again from the day the supplemented materials arrived.</summary>
    private (string Field, DateOnly On) ReviewStartedOn =>
        MaterialsReceivedOn is { } materials ? ("materialsReceivedOn", materials) : ("receivedOn", ReceivedOn);

    /// <summary>
    /// A step dated after the review period finds the case accepted by law on the period's last day: make that
    /// acceptance explicit before the step (ordinary procedure, as nobody chose another).
    /// </summary>
    private void AcceptByLawIfDue(DateOnly stepOn)
    {
        if (Status == CaseStatus.Received && stepOn > AcceptanceDueOn) AcceptByLaw();
    }

    private void AcceptByLaw()
    {
        AcceptedOn = AcceptanceDueOn;
        AcceptedByLaw = true;
        Procedure = Procedure.Ordinary;
        Status = CaseStatus.Accepted;
    }

    private void NotAbandonedOn(DateOnly stepOn)
    {
        if (AbandonedOn is { } abandoned && stepOn >= abandoned)
            throw CaseRules.Violation("APPLICATION_ABANDONED",
                $"The materials requested were due on {MaterialsDueOn:yyyy-MM-dd} and did not come: the application counts as "
                + $"abandoned (视为放弃) from {abandoned:yyyy-MM-dd}.");
    }

    private void RequireStatus(string action, params CaseStatus[] allowed)
    {
        if (!allowed.Contains(Status)) throw CaseRules.WrongStatus(Id, action, Status);
    }

    /// <summary>Checks the status the case has on the step's date: past its review period, it is accepted by law.</summary>
    private void RequireStatusOn(DateOnly stepOn, string action, params CaseStatus[] allowed)
    {
        var status = StatusOn(stepOn);
        if (!allowed.Contains(status)) throw CaseRules.WrongStatus(Id, action, status);
    }

    /// <summary>The checks of a step that ends a case (decision, withdrawal): nothing recorded may come after it.</summary>
    private void CheckEndOn(DateOnly endOn, string field)
    {
        BusinessDates.NotBefore(field, endOn, "acceptedOn", EffectiveAcceptedOn!.Value);
        if (_hearingDates.Count > 0) BusinessDates.NotBefore(field, endOn, "the last hearing", _hearingDates[^1]);
        if (ExtendedOn is { } extendedOn) BusinessDates.NotBefore(field, endOn, "extendedOn", extendedOn);
        if (_suspensions.Count > 0)
        {
            var last = _suspensions[^1];
            BusinessDates.NotBefore(field, endOn, last.To is null ? "suspendedOn" : "resumedOn", last.To ?? last.From);
        }
    }

    /// <summary>A suspension in progress ends with the decision; a corrected decision date moves its end.</summary>
    private void EndSuspensionBy(DateOnly endOn)
    {
        if (_suspensions.Count > 0 && _suspensions[^1].To is null)
            _suspensions = [.. _suspensions.SkipLast(1), _suspensions[^1] with { To = endOn, EndedByDecision = true }];
    }

    private void Changed(WorkingDayCalendar calendar, DateOnly stepOn)
    {
        RecomputeDeadlines(calendar, stepOn);
        Version++;
    }

    /// <summary>
    /// Recomputes the review period and the decision deadlines from the case's facts. Deadlines kept from an earlier
    /// holiday schedule stay, unless this step is dated before they end: the step then rewrites that period anyway.
    /// </summary>
    private void RecomputeDeadlines(WorkingDayCalendar calendar, DateOnly? stepOn)
    {
        if (stepOn is null || stepOn < DeadlinesKeptBefore) DeadlinesKeptBefore = null;
        CalendarVersion = calendar.Version;
        AcceptanceDueOn = StatutoryDeadlines.AcceptanceDue(ReviewStartedOn.On, calendar);

        var computed = EffectiveAcceptedOn is { } acceptedOn && Status is not (CaseStatus.Rejected or CaseStatus.Withdrawn)
            ? DecisionTimeline.Deadlines(new DecisionTimeline.Facts(
                acceptedOn,
                ProcedureChosenOn is null ? Procedure : Procedure.Ordinary,
                ProcedureChosenOn is { } chosenOn ? (chosenOn, Procedure) : null,
                ExtendedOn is { } extendedOn ? (extendedOn, ExtensionDays) : null,
                _suspensions), calendar)
            : [];
        _deadlineHistory = DeadlinesKeptBefore is { } kept ? DecisionTimeline.Splice(_deadlineHistory, computed, kept) : computed;
        Deadline = _deadlineHistory.Count > 0 ? _deadlineHistory[^1].Deadline : null;

        var lastDay = new[] { Deadline, DecidedOn, AcceptanceDueOn, MaterialsDueOn }.Max() ?? AcceptanceDueOn;
        var unscheduled = Enumerable.Range(ReceivedOn.Year, lastDay.Year - ReceivedOn.Year + 1).Where(y => !calendar.HasScheduleFor(y)).ToList();
        CalendarWarning = unscheduled.Count == 0 ? null
            : $"No State Council holiday schedule is loaded for {string.Join(", ", unscheduled)}: working days there are taken as Monday to Friday, "
              + "and this case's deadlines will be recomputed when the schedule is loaded.";
    }
}
