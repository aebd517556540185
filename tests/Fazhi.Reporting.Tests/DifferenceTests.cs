using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>Applying a new version adds the difference between its contributions and the applied ones.</summary>
public class DifferenceTests
{
    [Fact]
    public void Correcting_decidedOn_across_the_year_end_moves_the_decision_to_the_new_year()
    {
        // Received and accepted in 2023 (due 2024-01-09); decidedOn corrected from 2023-12-30 to 2024-01-03.
        var v3 = Case("2023-11-01", acceptedOn: "2023-11-10", deadline: "2024-01-09", decidedOn: "2023-12-30", version: 3);
        var v4 = v3 with { DecidedOn = D("2024-01-03"), Version = 4 };

        var difference = Contributions.Difference(ReconsiderationFigures.Of(v3), ReconsiderationFigures.Of(v4));

        Assert.Equal(
            [
                new Contribution(Org, Decided, D("2023-12-30"), -1),
                new Contribution(Org, Decided, D("2024-01-03"), 1),
                // Now open on 1 January 2024, so part of 2024's 含上年度转结案件.
                new Contribution(Org, DecidedCarriedIn, D("2024-01-03"), 1),
                // Pending again from 12-30 to 01-02.
                new Contribution(Org, PendingChange, D("2023-12-30"), 1),
                new Contribution(Org, PendingChange, D("2024-01-03"), -1),
            ],
            difference);
    }

    [Fact]
    public void The_year_totals_after_the_cross_year_correction()
    {
        var v3 = Case("2023-11-01", acceptedOn: "2023-11-10", deadline: "2024-01-09", decidedOn: "2023-12-30",
            decision: "DECISION_REVOKE", version: 3);
        var v4 = v3 with { DecidedOn = D("2024-01-03"), Version = 4 };
        var applied = ReconsiderationFigures.Of(v3);
        var counters = applied.Concat(Contributions.Difference(applied, ReconsiderationFigures.Of(v4))).ToList();

        Assert.Equal(0, InYear(counters, Decided, 2023));
        Assert.Equal(1, InYear(counters, Decided, 2024));
        Assert.Equal(0, InYear(counters, DirectlyCorrected, 2023));
        Assert.Equal(1, InYear(counters, DirectlyCorrected, 2024));
        Assert.Equal(1, InYear(counters, Received, 2023));
        Assert.Equal(1, InYear(counters, Accepted, 2023));
        Assert.Equal(0, InYear(counters, Received, 2024));
        Assert.Equal(0, InYear(counters, Accepted, 2024));
        Assert.Equal(1, StateAt(counters, PendingChange, D("2023-12-31")));
        Assert.Equal(0, StateAt(counters, PendingChange, D("2024-01-03")));
        Assert.Equal(0, StateAt(counters, OverdueChange, D("2024-12-31")));
    }

    [Fact]
    public void Applying_the_difference_to_the_applied_counters_gives_the_new_version()
    {
        var v1 = Case("2024-02-26", version: 1);
        var v2 = Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", version: 2) with { CaseId = v1.CaseId };
        var v3 = v2 with { DecidedOn = D("2024-05-10"), Decision = "DECISION_MEDIATION", HearingDates = [D("2024-04-01")], Version = 3 };
        var versions = new[] { v1, v2, v3 }.Select(ReconsiderationFigures.Of).ToList();

        for (var i = 1; i < versions.Count; i++)
        {
            var applied = Contributions.Normalize(versions[i - 1].Concat(Contributions.Difference(versions[i - 1], versions[i])));
            Assert.Equal(versions[i], applied);
        }
    }

    [Fact]
    public void Redelivering_the_same_state_changes_nothing()
    {
        var figures = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-05-10"));
        Assert.Empty(Contributions.Difference(figures, figures));
    }

    [Fact]
    public void A_first_version_is_applied_whole()
    {
        var figures = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30"));
        Assert.Equal(figures, Contributions.Difference([], figures));
    }

    [Fact]
    public void Normalize_sums_equal_keys_drops_zeros_and_orders_by_org_metric_day()
    {
        var normalized = Contributions.Normalize(
        [
            new("4101050001", Received, D("2024-01-02"), 1),
            new(Org, Received, D("2024-01-05"), 1),
            new(Org, Decided, D("2024-01-05"), 1),
            new(Org, Received, D("2024-01-03"), 1),
            new(Org, Received, D("2024-01-05"), 1),
            new(Org, Accepted, D("2024-01-04"), 1),
            new(Org, Accepted, D("2024-01-04"), -1),
        ]);

        Assert.Equal(
            [
                new Contribution(Org, Decided, D("2024-01-05"), 1),
                new Contribution(Org, Received, D("2024-01-03"), 1),
                new Contribution(Org, Received, D("2024-01-05"), 2),
                new Contribution("4101050001", Received, D("2024-01-02"), 1),
            ],
            normalized);
    }
}
