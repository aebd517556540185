using Fazhi.Demo.Plan;
using Fazhi.FaultRunner.Harness;

namespace Fazhi.Demo.Tests.FaultRunner;

/// <summary>
/// The workload's rounds must never collide: a later round's creates must not be answered with an earlier round's cases
/// (same requestId) nor refused as duplicates (a court's case number, a department's or a campaign's name in its org).
/// </summary>
public sealed class RoundTests
{
    [Fact]
    public void Round_one_is_the_worked_example_and_later_rounds_get_new_six_digit_district_codes()
    {
        var codes = Workload.OrgCodes().Take(400).ToList();

        Assert.Equal(["410105", "410102"], codes.Take(2));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(c.Length == 6 && c.All(char.IsAsciiDigit), c));
        Assert.All(codes, c => Assert.False(c.EndsWith("00", StringComparison.Ordinal), $"{c} is a city's own code"));
        Assert.All(codes.Take(98), c => Assert.StartsWith("4101", c));
    }

    [Fact]
    public void Two_rounds_share_no_request_id_case_number_department_or_campaign()
    {
        var codes = Workload.OrgCodes().Take(4).ToList();
        var first = Workload.Plan(2023, codes[0], codes[1]);
        var second = Workload.Plan(2023, codes[2], codes[3]);

        Assert.Empty(RequestIds(first).Intersect(RequestIds(second)));
        Assert.Empty(CaseNumbers(first).Intersect(CaseNumbers(second)));
        Assert.Empty(Named(first).Intersect(Named(second)));
        // And each round is as large as the demo: the check compares it with its own plan.
        Assert.Equal(RequestIds(first).Count, RequestIds(second).Count);
        Assert.Empty(PlanRules.Violations(second));
    }

    private static HashSet<Guid> RequestIds(DemoPlan plan) =>
    [
        .. plan.Districts.SelectMany(d => d.Reconsideration.Select(c => c.RequestId)
            .Concat(d.Lawsuits.Select(l => l.RequestId))
            .Concat(d.Lawsuits.Where(l => l.Notice is not null).Select(l => l.Notice!.RequestId))
            .Concat(d.Departments.Select(x => x.RequestId))
            .Concat(d.Reviews.Select(r => r.RequestId))
            .Concat(d.Campaigns.Select(c => c.RequestId))
            .Concat(d.Campaigns.SelectMany(c => c.Problems).Select(p => p.RequestId))
            .Concat(d.Publications.Select(p => p.RequestId))
            .Concat(d.Requests.Select(r => r.RequestId))),
    ];

    private static HashSet<(string, string)> CaseNumbers(DemoPlan plan) =>
        [.. plan.Districts.SelectMany(d => d.Lawsuits).Select(l => (l.Court, l.CaseNumber))];

    private static HashSet<(string, string)> Named(DemoPlan plan) =>
        [.. plan.Districts.SelectMany(d => d.Departments.Select(x => (x.Org, x.Name)).Concat(d.Campaigns.Select(c => (c.Org, c.Name))))];
}
