using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;

namespace Fazhi.Reporting.Tests;

/// <summary>Compose publishes every reconsideration.* key of docs/api.md, with rates as unrounded fractions.</summary>
public class ReportFiguresTests
{
    // Copied from docs/api.md's metric key list.
    private static readonly string[] ApiKeys =
    [
        "reconsideration.received", "reconsideration.accepted", "reconsideration.rejected",
        "reconsideration.decided", "reconsideration.decided_carried_in", "reconsideration.directly_corrected",
        "reconsideration.direct_correction_rate", "reconsideration.mediated_or_settled",
        "reconsideration.comprehensive_correction_rate", "reconsideration.heard_decided", "reconsideration.hearing_rate",
        "reconsideration.pending", "reconsideration.overdue", "reconsideration.deemed_accepted", "reconsideration.abandoned",
        "reconsideration.withdrawn", "reconsideration.terminated",
        // Table 四 of the disclosure report (docs/api.md, "Disclosure report").
        "reconsideration.disclosure.upheld", "reconsideration.disclosure.corrected", "reconsideration.disclosure.other",
        "reconsideration.disclosure.pending", "reconsideration.disclosure.total",
    ];

    // 金水区 2023: 557 received, 525 accepted, 476 decided, 90 directly corrected.
    private static readonly Dictionary<string, long> Jinshui2023 = new()
    {
        [Received] = 557,
        [Accepted] = 525,
        [Rejected] = 21,
        [Decided] = 476,
        [DecidedCarriedIn] = 38,
        [DirectlyCorrected] = 90,
        [MediatedOrSettled] = 12,
        [HeardDecided] = 34,
        [PendingChange] = 87,
        [OverdueChange] = 3,
    };

    [Fact]
    public void Every_api_key_is_present_and_nothing_else()
    {
        Assert.Equal(ApiKeys.Order(StringComparer.Ordinal), ReportFigures.Compose(Jinshui2023).Keys);
    }

    [Fact]
    public void Direct_correction_rate_is_the_unrounded_fraction()
    {
        var rate = ReportFigures.Compose(Jinshui2023)["reconsideration.direct_correction_rate"];

        Assert.Equal(90d / 476d, rate);
        Assert.InRange(rate, 0.189075, 0.189076); // 0.18907563…, not 0.189
        Assert.Equal(18.9, Math.Round(rate * 100, 1)); // the report's 18.9%
    }

    [Fact]
    public void Counts_and_the_other_rates()
    {
        var figures = ReportFigures.Compose(Jinshui2023);

        Assert.Equal(557, figures["reconsideration.received"]);
        Assert.Equal(525, figures["reconsideration.accepted"]);
        Assert.Equal(21, figures["reconsideration.rejected"]);
        Assert.Equal(476, figures["reconsideration.decided"]);
        Assert.Equal(38, figures["reconsideration.decided_carried_in"]);
        Assert.Equal(90, figures["reconsideration.directly_corrected"]);
        Assert.Equal(12, figures["reconsideration.mediated_or_settled"]);
        Assert.Equal(34, figures["reconsideration.heard_decided"]);
        Assert.Equal((90d + 12d) / 476d, figures["reconsideration.comprehensive_correction_rate"]);
        Assert.Equal(34d / 476d, figures["reconsideration.hearing_rate"]);
        // States come from the ".change" counters.
        Assert.Equal(87, figures["reconsideration.pending"]);
        Assert.Equal(3, figures["reconsideration.overdue"]);
    }

    [Fact]
    public void Nothing_decided_gives_zero_rates_not_NaN()
    {
        var figures = ReportFigures.Compose(new Dictionary<string, long> { [Received] = 4, [Accepted] = 2, [PendingChange] = 2 });

        Assert.Equal(ApiKeys.Order(StringComparer.Ordinal), figures.Keys);
        Assert.Equal(0, figures["reconsideration.direct_correction_rate"]);
        Assert.Equal(0, figures["reconsideration.comprehensive_correction_rate"]);
        Assert.Equal(0, figures["reconsideration.hearing_rate"]);
        Assert.Equal(4, figures["reconsideration.received"]);
        Assert.Equal(2, figures["reconsideration.pending"]);
        Assert.All(figures.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void No_counters_at_all_still_gives_every_key_as_zero()
    {
        var figures = ReportFigures.Compose(new Dictionary<string, long>());

        Assert.Equal(ApiKeys.Length, figures.Count);
        Assert.All(figures.Values, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Figures_composed_from_case_contributions()
    {
        // Three decided cases in 2024: revoke with a hearing, mediation, maintain; plus one still pending.
        var cases = new[]
        {
            CaseEvents.Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-15",
                decision: "DECISION_REVOKE", hearings: ["2024-03-12"]),
            CaseEvents.Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-16", decision: "DECISION_MEDIATION"),
            CaseEvents.Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-17", decision: "DECISION_MAINTAIN"),
            CaseEvents.Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30"),
        };
        var all = cases.SelectMany(ReconsiderationFigures.Of).ToList();
        var asOf = CaseEvents.D("2024-06-30");
        var sums = PeriodCounters.ToDictionary(m => m, m => CaseEvents.Between(all, m, new DateOnly(2024, 1, 1), asOf));
        foreach (var m in StateCounters) sums[m] = CaseEvents.StateAt(all, m, asOf);

        var figures = ReportFigures.Compose(sums);

        Assert.Equal(4, figures["reconsideration.received"]);
        Assert.Equal(3, figures["reconsideration.decided"]);
        Assert.Equal(1d / 3d, figures["reconsideration.direct_correction_rate"]);
        Assert.Equal(2d / 3d, figures["reconsideration.comprehensive_correction_rate"]);
        Assert.Equal(1d / 3d, figures["reconsideration.hearing_rate"]);
        Assert.Equal(1, figures["reconsideration.pending"]);
        Assert.Equal(1, figures["reconsideration.overdue"]);
    }
}
