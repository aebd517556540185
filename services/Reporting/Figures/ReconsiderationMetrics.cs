namespace Fazhi.Reporting.Figures;

/// <summary>The reconsideration.* metric keys of docs/api.md, and the internal counters they are computed from.</summary>
public static class ReconsiderationMetrics
{
    public const string Received = "reconsideration.received";
    public const string Accepted = "reconsideration.accepted";
    public const string Rejected = "reconsideration.rejected";
    public const string Decided = "reconsideration.decided";
    public const string DecidedCarriedIn = "reconsideration.decided_carried_in";
    public const string DirectlyCorrected = "reconsideration.directly_corrected";
    public const string DirectCorrectionRate = "reconsideration.direct_correction_rate";
    public const string MediatedOrSettled = "reconsideration.mediated_or_settled";
    public const string ComprehensiveCorrectionRate = "reconsideration.comprehensive_correction_rate";
    public const string HeardDecided = "reconsideration.heard_decided";
    public const string HearingRate = "reconsideration.hearing_rate";
    public const string Pending = "reconsideration.pending";
    public const string Overdue = "reconsideration.overdue";
    public const string DeemedAccepted = "reconsideration.deemed_accepted";
    public const string Abandoned = "reconsideration.abandoned";
    public const string Withdrawn = "reconsideration.withdrawn";
    public const string Terminated = "reconsideration.terminated";

    // Table 四 of the disclosure report (政府信息公开行政复议情况): cases whose category is information disclosure.
    // Upheld, corrected and other count decisions dated in the period; pending is a state at asOf; total is their sum.
    public const string DisclosureUpheld = "reconsideration.disclosure.upheld";
    public const string DisclosureCorrected = "reconsideration.disclosure.corrected";
    public const string DisclosureOther = "reconsideration.disclosure.other";
    public const string DisclosurePending = "reconsideration.disclosure.pending";
    public const string DisclosureTotal = "reconsideration.disclosure.total";

    // States at a date are running sums of +1/-1 changes from the beginning of time, not counts over the period.
    public const string PendingChange = "reconsideration.pending.change";
    public const string OverdueChange = "reconsideration.overdue.change";
    public const string DisclosurePendingChange = "reconsideration.disclosure.pending.change";

    /// <summary>Counted on their business date within the period.</summary>
    public static readonly string[] PeriodCounters =
        [Received, Accepted, Rejected, Decided, DecidedCarriedIn, DirectlyCorrected, MediatedOrSettled, HeardDecided,
         DeemedAccepted, Abandoned, Withdrawn, Terminated, DisclosureUpheld, DisclosureCorrected, DisclosureOther];

    /// <summary>Summed over all days up to the as-of date; reported under the key without ".change".</summary>
    public static readonly string[] StateCounters = [PendingChange, OverdueChange, DisclosurePendingChange];
}
