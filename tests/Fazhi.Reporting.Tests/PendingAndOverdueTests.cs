using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.ReconsiderationMetrics;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>
/// States at D, summed over every change up to D: pending = accepted ≤ D and not decided ≤ D;
/// overdue = pending with deadline &lt; D.
/// </summary>
public class PendingAndOverdueTests
{
    // Deadlines are the ones the reconsideration service computes (e.g. 2024-03-01 ordinary → 2024-04-30).
    private static readonly ReconsiderationCaseChanged[] Cases =
    [
        Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-04-15"), // on time
        Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30", decidedOn: "2024-05-10"), // late
        Case("2024-02-26", acceptedOn: "2024-03-01", deadline: "2024-04-30"),                          // still open
        Case("2023-12-01", acceptedOn: "2023-12-05", deadline: "2024-02-04", decidedOn: "2024-02-05"), // decided the day after its deadline
        Case("2024-02-26", acceptedOn: "2024-03-01", suspended: true),                                 // suspended: clock stopped
        Case("2024-02-26", rejectedOn: "2024-02-28"),                                                  // never accepted
        Case("2024-04-20"),                                                                            // not yet accepted
        Case("2024-03-04", acceptedOn: "2024-03-04", deadline: "2024-04-03", decidedOn: "2024-03-04"), // decided on acceptance day
    ];

    private static readonly IReadOnlyList<Contribution> All = Cases.SelectMany(ReconsiderationFigures.Of).ToList();

    [Theory]
    [InlineData("2023-12-04", 0, 0)]
    [InlineData("2023-12-05", 1, 0)]
    [InlineData("2024-01-15", 1, 0)] // carried across the year end
    [InlineData("2024-02-04", 1, 0)] // on its deadline: not yet overdue
    [InlineData("2024-02-05", 0, 0)] // decided the day after: no longer pending, so never overdue
    [InlineData("2024-03-01", 4, 0)]
    [InlineData("2024-03-04", 4, 0)] // accepted and decided the same day: never pending
    [InlineData("2024-04-15", 3, 0)]
    [InlineData("2024-04-30", 3, 0)]
    [InlineData("2024-05-01", 3, 2)]
    [InlineData("2024-05-09", 3, 2)]
    [InlineData("2024-05-10", 2, 1)]
    [InlineData("2025-06-30", 2, 1)]
    public void Pending_and_overdue_at_a_date(string day, int pending, int overdue)
    {
        Assert.Equal(pending, StateAt(All, PendingChange, D(day)));
        Assert.Equal(overdue, StateAt(All, OverdueChange, D(day)));
    }

    [Fact]
    public void States_follow_their_definition_on_every_day()
    {
        for (var day = D("2023-11-01"); day <= D("2024-07-31"); day = day.AddDays(1))
        {
            var d = day;
            bool IsPending(ReconsiderationCaseChanged c) => c.AcceptedOn <= d && !(c.DecidedOn <= d);
            var pending = Cases.Count(IsPending);
            var overdue = Cases.Count(c => IsPending(c) && c.Deadline < d);

            Assert.True(pending == StateAt(All, PendingChange, d), $"pending on {d:yyyy-MM-dd}");
            Assert.True(overdue == StateAt(All, OverdueChange, d), $"overdue on {d:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void A_case_decided_on_time_has_no_overdue_contribution_at_all()
    {
        var figures = ReconsiderationFigures.Of(Cases[0]);
        Assert.DoesNotContain(figures, c => c.Metric == OverdueChange);
    }

    [Fact]
    public void A_late_case_is_overdue_from_the_day_after_its_deadline_until_its_decision()
    {
        var figures = ReconsiderationFigures.Of(Cases[1]);

        Assert.Equal(
            [new Contribution(Org, OverdueChange, D("2024-05-01"), 1), new Contribution(Org, OverdueChange, D("2024-05-10"), -1)],
            figures.Where(c => c.Metric == OverdueChange));
        Assert.Equal(
            [new Contribution(Org, PendingChange, D("2024-03-01"), 1), new Contribution(Org, PendingChange, D("2024-05-10"), -1)],
            figures.Where(c => c.Metric == PendingChange));
    }

    [Fact]
    public void Pending_and_overdue_are_not_period_counts()
    {
        // The query sums state counters from the beginning of time, so they must not be period counters.
        Assert.Equal(new HashSet<string> { PendingChange, OverdueChange, DisclosurePendingChange }, StateCounters.ToHashSet());
        Assert.Empty(PeriodCounters.Intersect(StateCounters));
    }
}
