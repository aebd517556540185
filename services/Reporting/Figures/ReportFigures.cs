using static Fazhi.Reporting.Figures.ReconsiderationMetrics;

namespace Fazhi.Reporting.Figures;

/// <summary>
/// Turns reconsideration's counter sums into its published metric keys: every key present, rates as unrounded fractions.
/// The reconsideration report source's composer (Sources/ReconsiderationSource.cs); each source composes its own keys.
/// </summary>
public static class ReportFigures
{
    public static SortedDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        double Sum(string metric) => sums.TryGetValue(metric, out var value) ? value : 0;

        var decided = Sum(Decided);
        var disclosure = new[] { Sum(DisclosureUpheld), Sum(DisclosureCorrected), Sum(DisclosureOther), Sum(DisclosurePendingChange) };
        return new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [Received] = Sum(Received),
            [Accepted] = Sum(Accepted),
            [Rejected] = Sum(Rejected),
            [Decided] = decided,
            [DecidedCarriedIn] = Sum(DecidedCarriedIn),
            [DirectlyCorrected] = Sum(DirectlyCorrected),
            [DirectCorrectionRate] = Rate(Sum(DirectlyCorrected), decided),
            [MediatedOrSettled] = Sum(MediatedOrSettled),
            [ComprehensiveCorrectionRate] = Rate(Sum(DirectlyCorrected) + Sum(MediatedOrSettled), decided),
            [HeardDecided] = Sum(HeardDecided),
            [HearingRate] = Rate(Sum(HeardDecided), decided),
            [Pending] = Sum(PendingChange),
            [Overdue] = Sum(OverdueChange),
            [DeemedAccepted] = Sum(DeemedAccepted),
            [Abandoned] = Sum(Abandoned),
            [Withdrawn] = Sum(Withdrawn),
            [Terminated] = Sum(Terminated),
            [DisclosureUpheld] = disclosure[0],
            [DisclosureCorrected] = disclosure[1],
            [DisclosureOther] = disclosure[2],
            [DisclosurePending] = disclosure[3],
            [DisclosureTotal] = disclosure.Sum(),
        };
    }

    // A rate over nothing is reported as 0 rather than NaN, which JSON cannot carry as a number.
    private static double Rate(double part, double whole) => whole == 0 ? 0 : part / whole;
}
