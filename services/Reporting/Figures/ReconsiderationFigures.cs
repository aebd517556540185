using Fazhi.Contracts.IntegrationEvents;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;

namespace Fazhi.Reporting.Figures;

/// <summary>
/// What one reconsideration case, in the state an event carries, contributes to the daily counters (docs/domain.md §1).
/// A pure function of the state: applying a new version is the difference between two of its results.
/// </summary>
public static class ReconsiderationFigures
{
    private static readonly HashSet<string> DirectCorrections =
    [
        "DECISION_REVOKE", "DECISION_MODIFY", "DECISION_CONFIRM_ILLEGAL", "DECISION_CONFIRM_INVALID", "DECISION_ORDER_PERFORMANCE",
    ];

    private static readonly HashSet<string> MediationOrSettlement = ["DECISION_MEDIATION", "DECISION_SETTLEMENT"];

    public static IReadOnlyList<Contribution> Of(ReconsiderationCaseChanged c)
    {
        if (c.Voided) return [];
        var list = new List<Contribution>(12);
        void Add(string metric, DateOnly day, int delta = 1) => list.Add(new Contribution(c.Org, metric, day, delta));

        Add(Received, c.ReceivedOn);
        if (c.RejectedOn is { } rejectedOn) Add(Rejected, rejectedOn);
        if (c.AcceptedOn is { } acceptedOn)
        {
            Add(Accepted, acceptedOn);
            Add(PendingChange, acceptedOn);
        }
        if (c.DecidedOn is { } decidedOn)
        {
            Add(Decided, decidedOn);
            Add(PendingChange, decidedOn, -1);
            // 含上年度转结案件: decided this year, received in an earlier one.
            if (c.ReceivedOn.Year < decidedOn.Year) Add(DecidedCarriedIn, decidedOn);
            if (c.Decision is { } decision && DirectCorrections.Contains(decision)) Add(DirectlyCorrected, decidedOn);
            if (c.Decision is { } d && MediationOrSettlement.Contains(d)) Add(MediatedOrSettled, decidedOn);
            if (c.HearingDates.Any(h => h <= decidedOn)) Add(HeardDecided, decidedOn);
        }
        // Overdue on D means pending with deadline < D: it starts the day after the deadline and ends on a late decision.
        if (c.Deadline is { } deadline && c.AcceptedOn is not null && (c.DecidedOn is null || c.DecidedOn > deadline))
        {
            Add(OverdueChange, deadline.AddDays(1));
            if (c.DecidedOn is { } lateDecision) Add(OverdueChange, lateDecision, -1);
        }
        return Contributions.Normalize(list);
    }
}
