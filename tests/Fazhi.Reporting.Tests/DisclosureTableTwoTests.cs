using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.DisclosureMetrics;

namespace Fazhi.Reporting.Tests;

/// <summary>Table 二's figures in reporting: counted on 1 January of their year, replaced (not added) by a later put.</summary>
public sealed class DisclosureTableTwoTests
{
    private static DisclosureCaseChanged Statistics(long version, int rulesIssued, decimal fees, int year = 2023) => new()
    {
        CaseId = Guid.Parse("0190f1c2-0000-5000-8000-000000000001"),
        Version = version,
        Org = "410105",
        Kind = DisclosureCaseChanged.StatisticsKind,
        Year = year,
        Statistics = new DisclosureTableTwo
        {
            RulesIssued = rulesIssued, RulesInForce = 12, NormativeDocumentsIssued = 5, LicensingDecisions = 3120,
            PenaltyDecisions = 1480, CompulsionDecisions = 0, FeesWanYuan = fees,
        },
        ChangedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void Each_figure_is_counted_on_the_first_of_january_and_fees_in_ten_thousandths_of_a_wan_yuan()
    {
        var contributions = DisclosureFigures.Of(Statistics(1, 2, 0.35m, 2024));

        Assert.All(contributions, c => Assert.Equal(new DateOnly(2024, 1, 1), c.Day));
        var byMetric = contributions.ToDictionary(c => c.Metric, c => c.Delta);
        Assert.Equal(2, byMetric[Table2RulesIssued]);
        Assert.Equal(12, byMetric[Table2RulesInForce]);
        Assert.Equal(3120, byMetric[Table2LicensingDecisions]);
        Assert.Equal(3500, byMetric[Table2FeesWanYuan]);
        Assert.False(byMetric.ContainsKey(Table2CompulsionDecisions));   // zeros add nothing
        Assert.All(byMetric.Keys, metric => Assert.Contains(metric, PeriodCounters));
    }

    [Fact]
    public void A_later_put_replaces_the_figures_it_differs_in()
    {
        var difference = Contributions.Difference(DisclosureFigures.Of(Statistics(1, 2, 0.35m)), DisclosureFigures.Of(Statistics(2, 3, 1.2m)));

        Assert.Equal(2, difference.Count);
        Assert.Equal(1, difference.Single(c => c.Metric == Table2RulesIssued).Delta);
        Assert.Equal(12000 - 3500, difference.Single(c => c.Metric == Table2FeesWanYuan).Delta);
    }

    [Fact]
    public void Compose_publishes_every_table_two_key_and_fees_back_in_wan_yuan()
    {
        var sums = DisclosureFigures.Of(Statistics(1, 2, 12.3456m)).ToDictionary(c => c.Metric, c => (long)c.Delta);
        sums[Table2FeesWanYuan] += 3500;   // a second organisation's 0.35 万元 in a city's sum

        var figures = DisclosureFigures.Compose(sums);

        Assert.Equal(12.6956, figures[Table2FeesWanYuan]);
        Assert.Equal(2, figures[Table2RulesIssued]);
        Assert.Equal(0, figures[Table2CompulsionDecisions]);
        string[] keys =
        [
            "disclosure.table2.rules_issued", "disclosure.table2.rules_repealed", "disclosure.table2.rules_in_force",
            "disclosure.table2.normative_documents_issued", "disclosure.table2.normative_documents_repealed",
            "disclosure.table2.normative_documents_in_force", "disclosure.table2.licensing_decisions",
            "disclosure.table2.penalty_decisions", "disclosure.table2.compulsion_decisions", "disclosure.table2.fees_wan_yuan",
        ];
        Assert.All(keys, key => Assert.Contains(key, figures.Keys));
    }

    [Fact]
    public void Statistics_without_their_year_or_figures_contribute_nothing()
    {
        Assert.Empty(DisclosureFigures.Of(Statistics(1, 2, 1m) with { Year = null }));
        Assert.Empty(DisclosureFigures.Of(Statistics(1, 2, 1m) with { Statistics = null }));
    }
}
