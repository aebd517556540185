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

    /// <summary>Table 四's 结果维持: 维持 and 驳回复议请求 (the request fails on the merits; 驳回申请 is "other").</summary>
    private static readonly HashSet<string> Upholding = ["DECISION_MAINTAIN", "DECISION_DISMISS_REQUEST"];

    private const string InformationDisclosure = "ACT_CATEGORY_INFORMATION_DISCLOSURE";

    public static IReadOnlyList<Contribution> Of(ReconsiderationCaseChanged c)
    {
        if (c.Voided) return [];
        var list = new List<Contribution>(16);
        void Add(string metric, DateOnly day, int delta = 1) => list.Add(new Contribution(c.Org, metric, day, delta));

        Add(Received, c.ReceivedOn);
        if (c.RejectedOn is { } rejectedOn) Add(Rejected, rejectedOn);
        if (c.AbandonedOn is { } abandonedOn) Add(Abandoned, abandonedOn);
        if (c.WithdrawnOn is { } withdrawnOn) Add(Withdrawn, withdrawnOn);
        // An application still in review carries the day it will be accepted by law: counted once that day comes.
        if (c.AcceptedOn is { } acceptedOn)
        {
            Add(Accepted, acceptedOn);
            if (c.AcceptedByLaw) Add(DeemedAccepted, acceptedOn);
            Add(PendingChange, acceptedOn);
        }
        if (c.DecidedOn is { } decidedOn)
        {
            Add(Decided, decidedOn);
            Add(PendingChange, decidedOn, -1);
            // 含上年度转结案件: decided this year, received in an earlier one.
            if (c.ReceivedOn.Year < decidedOn.Year) Add(DecidedCarriedIn, decidedOn);
            if (c.Decision is { } decision && DirectCorrections.Contains(decision)) Add(DirectlyCorrected, decidedOn);
            // A withdrawal after a settlement (和解) counts as one for the comprehensive correction rate.
            if ((c.Decision is { } d && MediationOrSettlement.Contains(d)) || c.Settled) Add(MediatedOrSettled, decidedOn);
            if (c.Decision == "DECISION_TERMINATE") Add(Terminated, decidedOn);
            if (c.HearingDates.Any(h => h <= decidedOn)) Add(HeardDecided, decidedOn);
        }
        if (c.AcceptedOn is { } start) AddOverdue(c, start, Add);
        if (c.Category == InformationDisclosure) AddDisclosureTable(c, Add);
        return Contributions.Normalize(list);
    }

    /// <summary>
    /// Table 四's reconsideration cells: a decision counts on its date as upheld, corrected or other by
    /// <see cref="DisclosureOutcome"/>; 尚未审结 is accepted and not decided at the as-of date, like pending.
    /// </summary>
    private static void AddDisclosureTable(ReconsiderationCaseChanged c, Action<string, DateOnly, int> add)
    {
        if (c.AcceptedOn is { } acceptedOn) add(DisclosurePendingChange, acceptedOn, 1);
        if (c.DecidedOn is not { } decidedOn) return;
        if (c.AcceptedOn is not null) add(DisclosurePendingChange, decidedOn, -1);
        add(DisclosureOutcome(c.Decision), decidedOn, 1);
    }

    /// <summary>The table-四 counter of a decision: 结果维持, 结果纠正 (the five direct corrections) or 其他结果.</summary>
    public static string DisclosureOutcome(string? decision) =>
        decision is not null && Upholding.Contains(decision) ? DisclosureUpheld
        : decision is not null && DirectCorrections.Contains(decision) ? DisclosureCorrected
        : DisclosureOther;

    /// <summary>
    /// Overdue on D means pending on D and past the deadline in force on D. Each deadline of the case's history is in
    /// force from its day until the next one's: its overdue days start the day after it (or the day it took effect)
    /// and end where the next deadline takes over or the case is decided. Judging each day by the deadline then in
    /// force is what keeps the figures of past days fixed when a later step moves the deadline.
    /// </summary>
    private static void AddOverdue(ReconsiderationCaseChanged c, DateOnly acceptedOn, Action<string, DateOnly, int> add)
    {
        var history = c.DeadlineHistory.Count > 0 || c.Deadline is null ? c.DeadlineHistory : [new DeadlineInForce(acceptedOn, c.Deadline)];
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Deadline is not { } deadline) continue;
            var from = Max(Max(history[i].From, deadline.AddDays(1)), acceptedOn);
            DateOnly? until = i + 1 < history.Count ? history[i + 1].From : null;
            if (c.DecidedOn is { } decidedOn && (until is null || decidedOn < until)) until = decidedOn;
            if (until is { } end && end <= from) continue;
            add(OverdueChange, from, 1);
            if (until is { } stop) add(OverdueChange, stop, -1);
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
