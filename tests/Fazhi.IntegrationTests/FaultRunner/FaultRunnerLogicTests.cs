using Fazhi.FaultRunner.Injection;
using Fazhi.FaultRunner.Verify;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Sources;
using Xunit;

namespace Fazhi.IntegrationTests.FaultRunner;

/// <summary>The fault runner's pure parts: how true figures are summed, how differences and lagging cases are named, the hostile marker.</summary>
public sealed class FaultRunnerLogicTests
{
    private static readonly ReportSources Sources = ReportSources.Registered();

    [Fact]
    public void True_figures_sum_a_city_over_its_districts_period_counters_within_the_year_and_states_up_to_its_end()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var truth = new List<TrueCase>
        {
            new("reconsideration", "case", a, 3, "410102",
            [
                new("410102", ReconsiderationMetrics.Received, new(2023, 12, 30), 1),
                new("410102", ReconsiderationMetrics.PendingChange, new(2023, 12, 31), 1),
            ]),
            new("reconsideration", "case", b, 2, "410103",
            [
                new("410103", ReconsiderationMetrics.Received, new(2024, 1, 1), 1),
                new("410103", ReconsiderationMetrics.PendingChange, new(2024, 1, 2), 1),
                new("410103", ReconsiderationMetrics.PendingChange, new(2024, 6, 2), -1),
                // A breakdown row is never part of a total.
                new("410103", ReconsiderationMetrics.Received, new(2024, 1, 1), 1, "department:x"),
            ]),
            // Another city's case is not summed into 4101.
            new("reconsideration", "case", Guid.NewGuid(), 1, "410202", [new("410202", ReconsiderationMetrics.Received, new(2024, 3, 1), 1)]),
        };

        var figures = FigureAudit.TrueFigures(truth, Sources, ["4101", "410102", "410103"], [2023, 2024]);

        Assert.Equal(Sources.Compose(new Dictionary<string, long>()).Count, figures[("4101", 2024)].Count);
        Assert.Equal((1, 1), (figures[("4101", 2024)][ReconsiderationMetrics.Received], figures[("4101", 2024)][ReconsiderationMetrics.Pending]));
        Assert.Equal((1, 1), (figures[("4101", 2023)][ReconsiderationMetrics.Received], figures[("4101", 2023)][ReconsiderationMetrics.Pending]));
        Assert.Equal((0, 1), (figures[("410102", 2024)][ReconsiderationMetrics.Received], figures[("410102", 2024)][ReconsiderationMetrics.Pending]));
        Assert.Equal((1, 0), (figures[("410103", 2024)][ReconsiderationMetrics.Received], figures[("410103", 2024)][ReconsiderationMetrics.Pending]));
    }

    [Fact]
    public void Every_key_that_differs_or_is_missing_on_either_side_is_one_line_and_rates_are_equal_within_tolerance()
    {
        var expected = new Dictionary<string, double> { ["a.count"] = 557, ["a.rate"] = 1.0 / 3, ["a.same"] = 2, ["a.only_true"] = 0, ["a.more"] = 1 };
        var actual = new Dictionary<string, double> { ["a.count"] = 556, ["a.rate"] = 0.3333333333333, ["a.same"] = 2, ["a.only_reported"] = 4, ["a.more"] = 3 };

        var lines = FigureAudit.Compare("410105", 2023, expected, actual).ToList();

        Assert.Equal(
            [
                "410105 2023 a.count: true 557, reporting 556 (\u22121)",
                "410105 2023 a.more: true 1, reporting 3 (+2)",
                "410105 2023 a.only_reported: true missing, reporting 4",
                "410105 2023 a.only_true: true 0, reporting missing",
            ],
            lines);
        Assert.Single(FigureAudit.Compare("4101", 2024, new Dictionary<string, double> { ["r"] = 0.5 }, new Dictionary<string, double> { ["r"] = 0.5 + 1e-6 }));
    }

    [Fact]
    public void A_case_behind_ahead_or_unknown_to_every_domain_database_is_named()
    {
        var (behind, ahead, caught, unknown) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var missing = Guid.NewGuid();
        TrueCase[] truth =
        [
            new("litigation", "case", behind, 4, "410102", []),
            new("litigation", "case", ahead, 2, "410102", []),
            new("enforcement", "review", caught, 1, "410103", []),
            new("disclosure", "request", missing, 3, "410103", []),
        ];
        var applied = new Dictionary<(string, Guid), long>
        {
            [("litigation", behind)] = 3,
            [("litigation", ahead)] = 1_000_000,
            [("enforcement", caught)] = 1,
            // The same id under another source is another case.
            [("reconsideration", missing)] = 3,
            [("reconsideration", unknown)] = 1,
        };

        Assert.Equal(
            [
                $"disclosure request {missing} (410103): domain version 3, reporting has none",
                .. new[]
                {
                    $"litigation case {behind} (410102): domain version 4, reporting version 3",
                    $"litigation case {ahead} (410102): domain version 2, reporting version 1000000",
                }.OrderBy(line => line.Split(' ')[2], StringComparer.Ordinal),
                .. new[]
                {
                    $"reconsideration {missing}: reporting holds version 3 of an aggregate no domain database has",
                    $"reconsideration {unknown}: reporting holds version 1 of an aggregate no domain database has",
                }.OrderBy(line => Guid.Parse(line.Split(' ')[1].TrimEnd(':'))),
            ],
            CatchUp.Compare(truth, applied));
    }

    [Fact]
    public void Hostile_ids_carry_the_marker_and_the_relays_ids_never_do()
    {
        var hostile = HostileMarker.NewId();
        Assert.True(HostileMarker.IsHostile(hostile));
        Assert.True(HostileMarker.IsHostile(hostile.ToString()));
        Assert.NotEqual(hostile, HostileMarker.NewId());
        Assert.False(HostileMarker.IsHostile(Guid.CreateVersion7()));
        Assert.False(HostileMarker.IsHostile(Guid.CreateVersion7(new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero))));
        Assert.False(HostileMarker.IsHostile((string?)null));
        Assert.False(HostileMarker.IsHostile("not a guid"));
    }
}
