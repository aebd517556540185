using Fazhi.Calendar;
using Fazhi.Contracts.Reconsideration;
using Fazhi.ServiceDefaults.Cases;

namespace Fazhi.Reconsideration.Domain;

public sealed partial class ReconsiderationCase
{
    /// <summary>
    /// Fixes wrongly entered dates or codes without changing the case's stage: a correction may only touch the steps
    /// the case has actually taken, and the corrected case must still obey every rule a clerk's steps obey. Unlike a
    /// step, a correction rewrites the past: the case is recomputed as if it had been entered right.
    /// </summary>
    public void Correct(CaseCorrection correction, DateOnly today, WorkingDayCalendar calendar)
    {
        if (Status == CaseStatus.Voided) throw CaseRules.Violation("CASE_VOIDED", "A voided case cannot be corrected.");
        if (string.IsNullOrWhiteSpace(correction.Reason)) throw CaseRules.Violation("REASON_REQUIRED", "A correction needs a reason.");

        var accepted = AcceptedOn is not null;
        RequireStep(correction.AcceptedOn is not null || correction.Procedure is not null || correction.HearingDates is not null,
            accepted, "acceptedOn, procedure and hearingDates can only be corrected on an accepted case");
        RequireStep(correction.RejectedOn is not null, Status == CaseStatus.Rejected, "rejectedOn can only be corrected on a rejected case");
        RequireStep(correction.DecidedOn is not null || correction.Decision is not null || correction.TerminationGround is not null,
            Status == CaseStatus.Decided, "decidedOn, decision and terminationGround can only be corrected on a decided case");
        if (correction.Procedure is { } procedure)
        {
            CaseRules.KnownProcedure(procedure);
            if (procedure != Procedure.Ordinary && ExtensionDays > 0)
                throw CaseRules.Violation("EXTENSION_NOT_ALLOWED", "An extended case must stay under the ordinary procedure.");
        }

        var receivedOn = correction.ReceivedOn ?? ReceivedOn;
        BusinessDates.NotInFuture("receivedOn", receivedOn, today);
        if (MaterialsRequestedOn is { } requestedOn) BusinessDates.NotBefore("materialsRequestedOn", requestedOn, "receivedOn", receivedOn);
        var reviewStart = MaterialsReceivedOn ?? receivedOn;
        var acceptanceDue = StatutoryDeadlines.AcceptanceDue(reviewStart, calendar);

        var acceptedByLaw = AcceptedByLaw && correction.AcceptedOn is null;
        var acceptedOn = correction.AcceptedOn ?? (AcceptedByLaw ? acceptanceDue : AcceptedOn);
        if (acceptedOn is { } a)
        {
            BusinessDates.NotInFuture("acceptedOn", a, today);
            BusinessDates.NotBefore("acceptedOn", a, "the start of the review", reviewStart);
            if (a > acceptanceDue) throw CaseRules.Violation("REVIEW_PERIOD_OVER",
                $"acceptedOn {a:yyyy-MM-dd} is after the review period, which ends on {acceptanceDue:yyyy-MM-dd}: the case was accepted by law that day.");
            if (_suspensions.Count > 0) BusinessDates.NotBefore("suspendedOn", _suspensions[0].From, "acceptedOn", a);
            if (ExtendedOn is { } extendedOn) BusinessDates.NotBefore("extendedOn", extendedOn, "acceptedOn", a);
        }
        var rejectedOn = correction.RejectedOn ?? RejectedOn;
        if (rejectedOn is { } r)
        {
            BusinessDates.NotInFuture("rejectedOn", r, today);
            BusinessDates.NotBefore("rejectedOn", r, "the start of the review", reviewStart);
            if (r > acceptanceDue) throw CaseRules.ReviewPeriodOver(Id, acceptanceDue, r);
        }
        var hearings = (correction.HearingDates ?? _hearingDates).Distinct().Order().ToList();
        foreach (var h in hearings)
        {
            BusinessDates.NotInFuture("hearingDates", h, today);
            BusinessDates.NotBefore("hearingDates", h, "acceptedOn", acceptedOn!.Value);
        }

        var decision = correction.Decision ?? Decision;
        var ground = correction.TerminationGround ?? (decision == Decision.Terminate ? TerminationGround : TerminationGround.Unspecified);
        var decidedOn = correction.DecidedOn ?? DecidedOn;
        var suspensions = _suspensions;
        if (decidedOn is { } d)
        {
            CaseRules.KnownDecision(decision, ground);
            BusinessDates.NotInFuture("decidedOn", d, today);
            BusinessDates.NotBefore("decidedOn", d, "acceptedOn", acceptedOn!.Value);
            if (hearings.Count > 0) BusinessDates.NotBefore("decidedOn", d, "the last hearing", hearings[^1]);
            if (ExtendedOn is { } extendedOn) BusinessDates.NotBefore("decidedOn", d, "extendedOn", extendedOn);
            // A suspension the decision ended ends on the corrected date, so its days are counted from it.
            suspensions = [.. suspensions.Select(s => s.EndedByDecision ? s with { To = d } : s)];
            foreach (var s in suspensions) BusinessDates.NotBefore("decidedOn", d, s.EndedByDecision ? "suspendedOn" : "resumedOn", s.EndedByDecision ? s.From : s.To!.Value);
        }

        ReceivedOn = receivedOn;
        AcceptedOn = acceptedOn;
        AcceptedByLaw = acceptedByLaw;
        RejectedOn = rejectedOn;
        DecidedOn = decidedOn;
        _hearingDates = hearings;
        ApplicantType = correction.ApplicantType ?? ApplicantType;
        Category = correction.Category ?? Category;
        Respondent = correction.Respondent ?? Respondent;
        Summary = correction.Summary ?? Summary;
        if (correction.Procedure is { } corrected)
        {
            Procedure = corrected;
            ProcedureChosenOn = null;
        }
        if (Status == CaseStatus.Decided)
        {
            Decision = decision;
            TerminationGround = ground;
            WithdrawnOn = ground == TerminationGround.Withdrawn ? decidedOn : null;
            Settled = Settled && ground == TerminationGround.Withdrawn;
        }
        _suspensions = suspensions;
        RecomputeDeadlines(calendar, stepOn: null);
        ReassessSuspensions(calendar);
        Version++;
    }

    /// <summary>
    /// Whether each suspension stopped the clock depends on the deadline in force when it began, which a corrected
    /// acceptance or procedure moves: judge them again in order.
    /// </summary>
    private void ReassessSuspensions(WorkingDayCalendar calendar)
    {
        var all = _suspensions;
        for (var i = 0; i < all.Count; i++)
        {
            _suspensions = [.. all.Take(i)];
            RecomputeDeadlines(calendar, stepOn: null);
            var stops = DecisionTimeline.InForceOn(_deadlineHistory, all[i].From) is not { } deadline || all[i].From <= deadline;
            all = [.. all.Take(i), all[i] with { StoppedClock = stops }, .. all.Skip(i + 1)];
        }
        _suspensions = all;
        RecomputeDeadlines(calendar, stepOn: null);
    }

    private static void RequireStep(bool touched, bool stepTaken, string message)
    {
        if (touched && !stepTaken) throw CaseRules.Violation("STEP_NOT_TAKEN", message + ".");
    }
}
