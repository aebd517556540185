using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>新收, 受理, 不予受理, 结案 are counted once, on their own business dates, for the case's org.</summary>
public class PeriodCounterTests
{
    private static Contribution Only(IReadOnlyList<Contribution> contributions, string metric) =>
        Assert.Single(contributions, c => c.Metric == metric);

    [Fact]
    public void A_decided_case_counts_received_accepted_and_decided_on_their_dates()
    {
        var figures = ReconsiderationFigures.Of(
            Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-15"));

        Assert.Equal(new Contribution(Org, Received, D("2024-02-26"), 1), Only(figures, Received));
        Assert.Equal(new Contribution(Org, Accepted, D("2024-03-01"), 1), Only(figures, Accepted));
        Assert.Equal(new Contribution(Org, Decided, D("2024-04-15"), 1), Only(figures, Decided));
        Assert.DoesNotContain(figures, c => c.Metric == Rejected);
        Assert.All(figures, c => Assert.Equal(Org, c.Org));
    }

    [Fact]
    public void A_rejected_case_counts_received_and_rejected_only()
    {
        var figures = ReconsiderationFigures.Of(Case("2024-02-26", rejectedOn: "2024-02-28"));

        Assert.Equal(
            [new Contribution(Org, Received, D("2024-02-26"), 1), new Contribution(Org, Rejected, D("2024-02-28"), 1)],
            figures.OrderBy(c => c.Day));
    }

    [Fact]
    public void A_case_only_received_counts_received_only()
    {
        Assert.Equal([new Contribution(Org, Received, D("2024-02-26"), 1)], ReconsiderationFigures.Of(Case("2024-02-26")));
    }

    [Fact]
    public void The_contributions_belong_to_the_case_org()
    {
        var figures = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", org: "4101020001"));
        Assert.All(figures, c => Assert.Equal("4101020001", c.Org));
    }

    [Fact]
    public void Steps_in_different_years_land_in_their_own_years()
    {
        var figures = ReconsiderationFigures.Of(
            Case("2023-12-27", acceptedOn: "2024-01-03", deadline: "2024-03-04", decidedOn: "2024-02-20"));

        Assert.Equal(1, InYear(figures, Received, 2023));
        Assert.Equal(0, InYear(figures, Received, 2024));
        Assert.Equal(0, InYear(figures, Accepted, 2023));
        Assert.Equal(1, InYear(figures, Accepted, 2024));
        Assert.Equal(1, InYear(figures, Decided, 2024));
    }

    [Theory]
    [InlineData("2023-12-20", "2024-01-10", 1)] // received last year, open on 1 January
    [InlineData("2022-11-01", "2024-03-01", 1)] // received two years earlier
    [InlineData("2024-01-02", "2024-02-01", 0)] // received this year
    [InlineData("2023-12-20", "2023-12-29", 0)] // received and decided in the same year
    public void Decided_carried_in_only_when_received_in_an_earlier_year(string receivedOn, string decidedOn, int expected)
    {
        var figures = ReconsiderationFigures.Of(Case(receivedOn, acceptedOn: receivedOn, decidedOn: decidedOn));

        var carriedIn = figures.Where(c => c.Metric == DecidedCarriedIn).ToList();
        Assert.Equal(expected, carriedIn.Sum(c => c.Delta));
        Assert.All(carriedIn, c => Assert.Equal(D(decidedOn), c.Day));
        // The decision itself is counted whatever year the case came from (含上年度转结案件).
        Assert.Equal(1, InYear(figures, Decided, D(decidedOn).Year));
    }

    [Fact]
    public void Heard_decided_counts_a_decided_case_with_a_hearing_on_its_decision_date()
    {
        var heard = ReconsiderationFigures.Of(
            Case("2024-02-26", acceptedOn: "2024-03-01", decidedOn: "2024-04-15", hearings: ["2024-03-12", "2024-03-20"]));

        Assert.Equal(new Contribution(Org, HeardDecided, D("2024-04-15"), 1), Only(heard, HeardDecided));
    }

    [Fact]
    public void A_hearing_on_the_decision_day_counts()
    {
        var heard = ReconsiderationFigures.Of(
            Case("2024-02-26", acceptedOn: "2024-03-01", decidedOn: "2024-04-15", hearings: ["2024-04-15"]));
        Assert.Equal(1, InYear(heard, HeardDecided, 2024));
    }

    [Fact]
    public void Heard_decided_needs_both_a_hearing_and_a_decision()
    {
        var decidedWithoutHearing = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", decidedOn: "2024-04-15"));
        var heardButOpen = ReconsiderationFigures.Of(Case("2024-02-26", acceptedOn: "2024-03-01", hearings: ["2024-03-12"]));

        Assert.DoesNotContain(decidedWithoutHearing, c => c.Metric == HeardDecided);
        Assert.DoesNotContain(heardButOpen, c => c.Metric == HeardDecided);
    }
}
