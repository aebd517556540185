using Fazhi.Disclosure.Domain;

namespace Fazhi.Disclosure.Tests;

/// <summary>The table-二 aggregate: a derived id, replace semantics, and an identical put that changes nothing.</summary>
public sealed class StatisticsTests
{
    private static TableTwoFigures Figures(int rulesIssued = 2, decimal fees = 0.35m) =>
        new(rulesIssued, 0, 12, 5, 1, 40, 3120, 1480, 7, fees);

    [Fact]
    public void The_id_is_a_version_5_uuid_of_the_organisation_and_year()
    {
        var id = DisclosureStatistics.IdOf("410105", 2023);

        Assert.Equal(id, DisclosureStatistics.IdOf("410105", 2023));
        Assert.NotEqual(id, DisclosureStatistics.IdOf("410105", 2024));
        Assert.NotEqual(id, DisclosureStatistics.IdOf("410102", 2023));
        Assert.Equal(5, id.Version);
        Assert.Equal(id, DisclosureStatistics.Record("410105", 2023, Figures()).Id);
    }

    [Fact]
    public void A_put_replaces_every_figure_and_bumps_the_version()
    {
        var statistics = DisclosureStatistics.Record("410105", 2023, Figures());

        Assert.True(statistics.Replace(Figures(rulesIssued: 3, fees: 1.2m)));

        Assert.Equal(2, statistics.Version);
        Assert.Equal(Figures(rulesIssued: 3, fees: 1.2m), statistics.Figures);
        var changed = statistics.ToChangedEvent(DateTimeOffset.UtcNow);
        Assert.Equal((2023, 3, 1.2m, 2L), (changed.Year!.Value, changed.Statistics!.RulesIssued, changed.Statistics.FeesWanYuan, changed.Version));
    }

    [Fact]
    public void An_identical_put_changes_nothing_even_written_with_trailing_zeros()
    {
        var statistics = DisclosureStatistics.Record("410105", 2023, Figures());

        Assert.False(statistics.Replace(Figures(fees: 0.3500m)));
        Assert.Equal(1, statistics.Version);
    }

    [Theory]
    [InlineData(-1, 0.35)]
    [InlineData(2, -0.01)]
    [InlineData(2, 0.00001)]
    [InlineData(2, 100000)]
    public void Figures_outside_the_rules_are_refused_by_the_aggregate_too(int rulesIssued, double fees)
    {
        Assert.Throws<ArgumentException>(() => DisclosureStatistics.Record("410105", 2023, Figures(rulesIssued, (decimal)fees)));
    }
}
