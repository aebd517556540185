using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>直接纠错 is exactly 撤销, 变更, 确认违法, 确认无效, 责令履行; 调解 and 和解 count separately.</summary>
public class DecisionClassificationTests
{
    [Theory]
    [InlineData("DECISION_REVOKE", 1, 0)]
    [InlineData("DECISION_MODIFY", 1, 0)]
    [InlineData("DECISION_CONFIRM_ILLEGAL", 1, 0)]
    [InlineData("DECISION_CONFIRM_INVALID", 1, 0)]
    [InlineData("DECISION_ORDER_PERFORMANCE", 1, 0)]
    [InlineData("DECISION_MEDIATION", 0, 1)]
    [InlineData("DECISION_SETTLEMENT", 0, 1)]
    [InlineData("DECISION_MAINTAIN", 0, 0)]
    [InlineData("DECISION_DISMISS_REQUEST", 0, 0)]
    [InlineData("DECISION_DISMISS_APPLICATION", 0, 0)]
    [InlineData("DECISION_TERMINATE", 0, 0)]
    public void Each_decision_is_classified(string decision, int directlyCorrected, int mediatedOrSettled)
    {
        var figures = ReconsiderationFigures.Of(
            Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-15", decision: decision));

        Assert.Equal(directlyCorrected, Between(figures, DirectlyCorrected, D("2024-04-15"), D("2024-04-15")));
        Assert.Equal(mediatedOrSettled, Between(figures, MediatedOrSettled, D("2024-04-15"), D("2024-04-15")));
        Assert.Equal(directlyCorrected, figures.Where(c => c.Metric == DirectlyCorrected).Sum(c => c.Delta));
        Assert.Equal(mediatedOrSettled, figures.Where(c => c.Metric == MediatedOrSettled).Sum(c => c.Delta));
        // Every decision is a 结案.
        Assert.Equal(1, InYear(figures, Decided, 2024));
    }

    [Fact]
    public void An_open_case_is_neither_corrected_nor_mediated()
    {
        var figures = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30"));

        Assert.DoesNotContain(figures, c => c.Metric is DirectlyCorrected or MediatedOrSettled or Decided);
    }
}
