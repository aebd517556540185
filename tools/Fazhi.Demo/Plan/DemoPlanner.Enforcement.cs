namespace Fazhi.Demo.Plan;

public static partial class DemoPlanner
{
    private static readonly (string, int)[] FileTypeWeights =
        [("FILE_TYPE_PENALTY", 60), ("FILE_TYPE_LICENSING", 15), ("FILE_TYPE_COMPULSION", 10), ("FILE_TYPE_INSPECTION", 10), ("FILE_TYPE_OTHER", 5)];

    private static readonly (string, int)[] ProblemCategoryWeights =
        [("PROBLEM_CATEGORY_PROCEDURAL", 50), ("PROBLEM_CATEGORY_SUBSTANTIVE", 30), ("PROBLEM_CATEGORY_FILING", 20)];

    private static readonly string[] ProblemDescriptions =
    [
        "未告知当事人陈述、申辩权利", "证据材料未注明来源", "送达回证填写不规范", "案卷装订顺序不规范", "法律条款引用不准确",
        "自由裁量说明理由不充分", "执法人员未出示执法证件", "调查询问笔录缺少当事人签名", "立案审批超过规定时限", "处罚决定书未载明救济途径",
    ];

    private static List<DepartmentPlan> Departments(PlanContext ctx) =>
        [.. DepartmentNames.Select((d, i) => new DepartmentPlan(ctx.Id("department", 0, i), ctx.Org, ctx.Profile.Name + d.Name, d.Prefix))];

    /// <summary>
    /// Each year's file reviews, March to mid-December, with grades dealt from the profile's counts and scores drawn
    /// within each grade; the problems found are rectified within their 30 days (some of December's in January).
    /// </summary>
    private static List<ReviewPlan> Reviews(PlanContext ctx, List<DepartmentPlan> departments)
    {
        var plans = new List<ReviewPlan>();
        foreach (var year in DistrictProfile.Years)
        {
            var profile = ctx.Profile.Enforcement[year];
            var random = ctx.Random("reviews", year);
            var days = ctx.Spread(profile.Reviews, new DateOnly(year, 3, 1), new DateOnly(year, 12, 15));
            var grades = Deck(random, ("excellent", profile.Excellent), ("good", profile.Good), ("passed", profile.Passed),
                ("failed", profile.FailedByScore), ("vetoed", profile.Vetoed));
            for (var i = 0; i < profile.Reviews; i++)
            {
                var department = departments[random.Next(departments.Count)];
                var reviewedOn = days[i];
                var (score, problems) = grades[i] switch
                {
                    "excellent" => (random.Next(900, 996), random.Next(100) < 30 ? 1 : 0),
                    "good" => (random.Next(800, 900), 1),
                    "passed" => (random.Next(600, 800), random.Next(1, 3)),
                    "failed" => (random.Next(350, 600), random.Next(2, 4)),
                    _ => (random.Next(600, 920), random.Next(1, 3)),
                };
                var fileType = Pick(random, FileTypeWeights);
                var kind = fileType switch { "FILE_TYPE_PENALTY" => "罚", "FILE_TYPE_LICENSING" => "许", "FILE_TYPE_COMPULSION" => "强", "FILE_TYPE_INSPECTION" => "检", _ => "执" };
                plans.Add(new ReviewPlan(
                    ctx.Id("review", year, i), ctx.Org, department.Name, fileType,
                    $"{ctx.Profile.Abbreviation}{department.FilePrefix}{kind}〔{year - 1}〕{100 + i}号", reviewedOn, score / 10.0,
                    VetoFailed: grades[i] == "vetoed",
                    [.. Enumerable.Range(0, problems).Select(p => new ProblemPlan(
                        ctx.Id("review-problem", year, i * 10 + p), department.Name, Pick(random, ProblemCategoryWeights),
                        ProblemDescriptions[random.Next(ProblemDescriptions.Length)], reviewedOn, reviewedOn.AddDays(30),
                        ctx.OnOrBefore(reviewedOn.AddDays(random.Next(7, 29)))))]));
            }
        }
        return plans;
    }

    /// <summary>Each year's special campaigns; every problem found in one is rectified within 25 days, in the same year.</summary>
    private static List<CampaignPlan> Campaigns(PlanContext ctx, List<DepartmentPlan> departments)
    {
        var plans = new List<CampaignPlan>();
        foreach (var year in DistrictProfile.Years)
        {
            var random = ctx.Random("campaigns", year);
            foreach (var (campaign, c) in ctx.Profile.Enforcement[year].Campaigns.Select((x, c) => (x, c)))
            {
                var found = ctx.Spread(campaign.Problems, campaign.StartedOn, campaign.EndsOn);
                plans.Add(new CampaignPlan(ctx.Id("campaign", year, c), ctx.Org, campaign.Name, campaign.StartedOn, campaign.EndsOn,
                    [.. found.Select((foundOn, p) => new ProblemPlan(
                        ctx.Id("campaign-problem", year, c * 1000 + p), departments[random.Next(departments.Count)].Name,
                        Pick(random, ProblemCategoryWeights), $"查摆问题：{ProblemDescriptions[random.Next(ProblemDescriptions.Length)]}",
                        foundOn, foundOn.AddDays(30), ctx.OnOrBefore(foundOn.AddDays(random.Next(5, 26)))))]));
            }
        }
        return plans;
    }
}
