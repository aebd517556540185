using Fazhi.Demo.Plan;

namespace Fazhi.Demo.Tests;

/// <summary>
/// The demo's plan, counted by the small model of the rules (<see cref="PlanFigures"/>), gives the figures of 金水区's
/// 2023 report — for any seed, since the seed moves details and never counts — and contains no move the law refuses.
/// </summary>
public sealed class WorkedExamplePlanTests
{
    private static DistrictPlan Jinshui(int seed) => DemoPlanner.Build(seed, DistrictProfile.Jinshui(), DistrictProfile.Zhongyuan()).Districts[0];

    [Theory]
    [InlineData(2023)]
    [InlineData(7)]
    [InlineData(123456)]
    public void Reconsideration_gives_557_received_525_accepted_476_decided_90_corrected(int seed)
    {
        var f = PlanFigures.For(Jinshui(seed), 2023);

        Assert.Equal(557, f["reconsideration.received"]);
        Assert.Equal(525, f["reconsideration.accepted"]);
        Assert.Equal(476, f["reconsideration.decided"]);
        Assert.Equal(90, f["reconsideration.directly_corrected"]);
        Assert.Equal(18.9, Math.Round(f["reconsideration.direct_correction_rate"] * 100, 1));
        Assert.Equal(24, f["reconsideration.decided_carried_in"]);   // 上年度转结
        Assert.Equal(0, f["reconsideration.overdue"]);
        Assert.Equal(73, f["reconsideration.pending"]);
        Assert.True(f["reconsideration.deemed_accepted"] > 0);
        Assert.True(f["reconsideration.abandoned"] > 0);
        Assert.True(f["reconsideration.withdrawn"] > 0);
        Assert.True(f["reconsideration.terminated"] > 0);
        Assert.True(f["reconsideration.heard_decided"] > 0);
    }

    [Fact]
    public void Litigation_gives_66_lawsuits_against_110_and_56_appearances_at_62_notices()
    {
        var district = Jinshui(2023);
        var f = PlanFigures.For(district, 2023);
        var last = PlanFigures.For(district, 2022);

        Assert.Equal(66, f["litigation.first_instance_received"]);
        Assert.Equal(110, last["litigation.first_instance_received"]);
        Assert.Equal(-40, Math.Round((f["litigation.first_instance_received"] / last["litigation.first_instance_received"] - 1) * 100));
        Assert.Equal(62, f["litigation.notices"]);
        Assert.Equal(56, f["litigation.appearances"]);
        Assert.Equal(90, Math.Round(f["litigation.appearance_rate"] * 100));
        Assert.True(f["litigation.first_instance_judgments"] > 0);
    }

    [Fact]
    public void Enforcement_gives_160_files_over_every_grade_and_140_campaign_problems_rectified()
    {
        var f = PlanFigures.For(Jinshui(2023), 2023);

        Assert.Equal(160, f["enforcement.files_reviewed"]);
        Assert.All(new[] { "excellent", "good", "passed", "failed" }, g => Assert.True(f["enforcement.files_" + g] > 0, g));
        Assert.Equal(140, f["enforcement.campaign_problems_found"]);
        Assert.Equal(140, f["enforcement.campaign_problems_rectified"]);
        Assert.True(f["enforcement.problems_found"] > 0);
        Assert.True(f["enforcement.problems_rectified"] > 0);
        Assert.Equal(0, f["enforcement.problems_overdue"]);
    }

    [Fact]
    public void Disclosure_gives_11845_items_and_313_received_8_carried_in_313_concluded_8_carried_out()
    {
        var f = PlanFigures.For(Jinshui(2023), 2023);

        Assert.Equal(11845, f["disclosure.proactively_published"]);
        Assert.Equal(313, f["disclosure.requests_received"]);
        Assert.Equal(8, f["disclosure.requests_carried_in"]);
        Assert.Equal(313, f["disclosure.requests_concluded"]);
        Assert.Equal(8, f["disclosure.requests_carried_out"]);
        var outcomes = PlanFigures.Outcomes.Select(o => f["disclosure.outcome." + o["OUTCOME_".Length..].ToLowerInvariant()]).ToList();
        Assert.Equal(313, outcomes.Sum());
        Assert.True(outcomes.Count(n => n > 0) >= 12, "outcomes spread over table 三's rows");
    }

    [Fact]
    public void Some_cases_of_both_services_concern_information_disclosure_for_table_four()
    {
        var district = Jinshui(2023);

        Assert.Equal(14, district.Reconsideration.Count(c => c.ReceivedOn.Year == 2023 && c.Category == "ACT_CATEGORY_INFORMATION_DISCLOSURE"));
        Assert.Equal(4, district.Lawsuits.Count(l => l.FiledOn.Year == 2023 && l.Category == "ACT_CATEGORY_INFORMATION_DISCLOSURE"));
    }

    [Fact]
    public void The_second_district_has_smaller_figures_of_its_own()
    {
        var plan = DemoPlanner.Build(2023, DistrictProfile.Jinshui(), DistrictProfile.Zhongyuan());
        var jinshui = PlanFigures.For(plan.Districts[0], 2023);
        var zhongyuan = PlanFigures.For(plan.Districts[1], 2023);

        Assert.Equal("410102", plan.Districts[1].Org);
        foreach (var key in new[] { "reconsideration.received", "litigation.first_instance_received", "enforcement.files_reviewed", "disclosure.proactively_published" })
        {
            Assert.InRange(zhongyuan[key], 1, jinshui[key] - 1);
        }
        Assert.Equal(0, zhongyuan["reconsideration.overdue"]);
    }

    [Theory]
    [InlineData(2023)]
    [InlineData(99)]
    public void The_plan_holds_no_move_the_law_refuses(int seed)
    {
        var plan = DemoPlanner.Build(seed, DistrictProfile.Jinshui(), DistrictProfile.Zhongyuan());

        var violations = PlanRules.Violations(plan);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_same_seed_gives_the_same_plan_and_request_ids_and_another_seed_other_ids()
    {
        var a = DemoPlanner.Build(2023, DistrictProfile.Jinshui());
        var b = DemoPlanner.Build(2023, DistrictProfile.Jinshui());
        var c = DemoPlanner.Build(2024, DistrictProfile.Jinshui());

        Assert.Equal(a.Districts[0].Reconsideration, b.Districts[0].Reconsideration, new PlanComparer());
        Assert.Equal(a.Districts[0].Requests.Select(r => (r.RequestId, r.ReceivedOn, r.ApplicantType)), b.Districts[0].Requests.Select(r => (r.RequestId, r.ReceivedOn, r.ApplicantType)));
        Assert.Empty(a.Districts[0].Reconsideration.Select(x => x.RequestId).Intersect(c.Districts[0].Reconsideration.Select(x => x.RequestId)));
        var ids = a.Districts[0].Reconsideration.Select(x => x.RequestId)
            .Concat(a.Districts[0].Lawsuits.Select(x => x.RequestId)).Concat(a.Districts[0].Publications.Select(x => x.RequestId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private sealed class PlanComparer : IEqualityComparer<ReconsiderationCasePlan>
    {
        public bool Equals(ReconsiderationCasePlan? x, ReconsiderationCasePlan? y) =>
            x is not null && y is not null && x with { Steps = [] } == y with { Steps = [] } && x.Steps.SequenceEqual(y.Steps);

        public int GetHashCode(ReconsiderationCasePlan obj) => obj.RequestId.GetHashCode();
    }
}
