using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>A voided case leaves every figure, including the ones it had already added.</summary>
public class VoidedCaseTests
{
    [Fact]
    public void A_voided_case_contributes_nothing()
    {
        var voided = Case("2023-12-20", acceptedOn: "2023-12-25", deadline: "2024-02-23", decidedOn: "2024-03-01",
            decision: "DECISION_REVOKE", hearings: ["2024-01-10"], voided: true);

        Assert.Empty(ReconsiderationFigures.Of(voided));
    }

    [Fact]
    public void Voiding_withdraws_everything_the_case_had_added()
    {
        var decided = Case("2023-12-20", acceptedOn: "2023-12-25", deadline: "2024-02-23", decidedOn: "2024-03-01",
            decision: "DECISION_REVOKE", hearings: ["2024-01-10"], version: 4);
        var voided = decided with { Voided = true, Status = "CASE_STATUS_VOIDED", Version = 5 };
        var applied = ReconsiderationFigures.Of(decided);

        var counters = applied.Concat(Contributions.Difference(applied, ReconsiderationFigures.Of(voided))).ToList();

        Assert.NotEmpty(applied);
        foreach (var metric in PeriodCounters)
        {
            Assert.Equal(0, InYear(counters, metric, 2023));
            Assert.Equal(0, InYear(counters, metric, 2024));
        }
        Assert.Equal(0, StateAt(counters, PendingChange, D("2024-02-01")));
        Assert.Equal(0, StateAt(counters, OverdueChange, D("2024-02-28")));
    }
}
