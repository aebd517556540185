using Fazhi.Contracts.IntegrationEvents;
using static Fazhi.Reporting.Figures.DisclosureMetrics;

namespace Fazhi.Reporting.Figures;

/// <summary>
/// What a disclosure request or publication day contributes to the daily counters (docs/domain.md §4), and how the
/// sums become the disclosure keys. Carried out (row 四) is the open requests at the as-of date; carried in (row 二)
/// is the open requests on 1 January, which is carried out less what was received plus what was concluded in the
/// period, since the open count moves only by those. So 一 + 二 = 三 + 四 holds in every column by construction,
/// whatever corrections or voids did to the past.
/// </summary>
public static class DisclosureFigures
{
    public static IReadOnlyList<Contribution> Of(DisclosureCaseChanged c)
    {
        if (c.Voided) return [];
        if (c.Kind == DisclosureCaseChanged.PublicationDayKind)
            return c.PublishedOn is { } day && c.Published > 0 ? [new Contribution(c.Org, ProactivelyPublished, day, c.Published)] : [];
        if (c.Kind == DisclosureCaseChanged.StatisticsKind) return TableTwo(c);
        if (c.ReceivedOn is not { } receivedOn || ColumnOf(c.ApplicantType) is not { } column) return [];

        var list = new List<Contribution>(12);
        void Add(string metric, DateOnly day, int delta = 1)
        {
            list.Add(new Contribution(c.Org, metric, day, delta));
            list.Add(new Contribution(c.Org, Column(metric, column), day, delta));
        }
        Add(RequestsReceived, receivedOn);
        Add(RequestsOpen, receivedOn);
        if (c.ConcludedOn is { } concludedOn)
        {
            Add(RequestsConcluded, concludedOn);
            Add(RequestsOpen, concludedOn, -1);
            if (OutcomeOf(c.Outcome) is { } outcome) Add(Outcome(outcome), concludedOn);
        }
        return Contributions.Normalize(list);
    }

    /// <summary>
    /// A year's table-二 figures, each on 1 January of the year. As every contribution they are the aggregate's state,
    /// so a later put replaces the earlier figures in the counters instead of adding to them.
    /// </summary>
    private static IReadOnlyList<Contribution> TableTwo(DisclosureCaseChanged c)
    {
        if (c.Year is not { } year || year is < 1 or > 9999 || c.Statistics is not { } t) return [];
        var day = new DateOnly(year, 1, 1);
        int[] counts =
        [
            t.RulesIssued, t.RulesRepealed, t.RulesInForce,
            t.NormativeDocumentsIssued, t.NormativeDocumentsRepealed, t.NormativeDocumentsInForce,
            t.LicensingDecisions, t.PenaltyDecisions, t.CompulsionDecisions,
        ];
        var list = Table2Counts.Select((metric, i) => new Contribution(c.Org, metric, day, counts[i])).ToList();
        list.Add(new Contribution(c.Org, Table2FeesWanYuan, day, (int)decimal.Round(t.FeesWanYuan * FeeUnitsPerWanYuan)));
        return Contributions.Normalize(list);
    }

    /// <summary>Every disclosure key from the counter sums.</summary>
    public static IReadOnlyDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        double Sum(string metric) => sums.TryGetValue(metric, out var value) ? value : 0;
        var figures = new Dictionary<string, double>(StringComparer.Ordinal) { [ProactivelyPublished] = Sum(ProactivelyPublished) };
        foreach (var count in Table2Counts) figures[count] = Sum(count);
        // decimal first: 3500 / 10000 is 0.35 exactly, then the nearest double, as 0.35 typed in would be.
        figures[Table2FeesWanYuan] = (double)((decimal)Sum(Table2FeesWanYuan) / FeeUnitsPerWanYuan);
        foreach (var suffix in (string?[])[null, .. Columns])
        {
            string Key(string metric) => suffix is null ? metric : Column(metric, suffix);
            var received = Sum(Key(RequestsReceived));
            var concluded = Sum(Key(RequestsConcluded));
            var carriedOut = Sum(Key(RequestsOpen));
            figures[Key(RequestsReceived)] = received;
            figures[Key(RequestsConcluded)] = concluded;
            figures[Key(RequestsCarriedOut)] = carriedOut;
            figures[Key(RequestsCarriedIn)] = carriedOut - received + concluded;
            foreach (var outcome in Outcomes) figures[Key(Outcome(outcome))] = Sum(Key(Outcome(outcome)));
        }
        return figures;
    }

    private static string? ColumnOf(string? applicantType) =>
        applicantType is { Length: > 15 } name && name.StartsWith("APPLICANT_TYPE_", StringComparison.Ordinal)
            ? Array.Find(Columns, c => c == name["APPLICANT_TYPE_".Length..].ToLowerInvariant())
            : null;

    private static string? OutcomeOf(string? outcome) =>
        outcome is { Length: > 8 } name && name.StartsWith("OUTCOME_", StringComparison.Ordinal)
            ? Array.Find(Outcomes, o => o == name["OUTCOME_".Length..].ToLowerInvariant())
            : null;
}
