namespace Fazhi.Demo.Plan;

public static partial class DemoPlanner
{
    private static readonly string[] PublicationCategories =
        ["政策文件", "政务动态", "通知公告", "人事信息", "财政预决算", "行政执法公示", "规划计划", "重点领域信息", "建议提案办理"];

    // 无法提供 (still unclear) and 其他处理 (no clarification in time) follow a 补正 that did not help; fees are never charged.
    private static readonly (string, int)[] OutcomeWeights =
    [
        ("OUTCOME_DISCLOSED", 40), ("OUTCOME_PARTIALLY_DISCLOSED", 14), ("OUTCOME_WITHHELD_STATE_SECRET", 1),
        ("OUTCOME_WITHHELD_PROHIBITED_BY_LAW", 1), ("OUTCOME_WITHHELD_SAFETY_STABILITY", 1), ("OUTCOME_WITHHELD_THIRD_PARTY", 4),
        ("OUTCOME_WITHHELD_INTERNAL_AFFAIRS", 3), ("OUTCOME_WITHHELD_PROCESS_INFORMATION", 4), ("OUTCOME_WITHHELD_ENFORCEMENT_FILE", 1),
        ("OUTCOME_WITHHELD_ADMINISTRATIVE_INQUIRY", 1), ("OUTCOME_UNAVAILABLE_NOT_HELD", 14), ("OUTCOME_UNAVAILABLE_NEEDS_CREATION", 3),
        ("OUTCOME_NOT_PROCESSED_COMPLAINT", 4), ("OUTCOME_NOT_PROCESSED_DUPLICATE", 3), ("OUTCOME_NOT_PROCESSED_PUBLICATION", 3),
        ("OUTCOME_NOT_PROCESSED_EXCESSIVE", 1), ("OUTCOME_NOT_PROCESSED_CONFIRMATION", 1), ("OUTCOME_OTHER", 2),
    ];

    private static readonly string[] Subjects =
    [
        "申请公开某地块征收补偿安置方案", "申请公开某小区规划许可文件", "申请公开某企业行政处罚决定书", "申请公开2022年度部门预算执行情况",
        "申请公开某道路拓宽工程立项批复", "申请公开某项目环境影响评价文件", "申请公开某村集体土地征收批文", "申请公开某学校划片招生方案",
    ];

    /// <summary>Each year's proactively published items, spread over its working days.</summary>
    private static List<PublicationPlan> Publications(PlanContext ctx)
    {
        var plans = new List<PublicationPlan>();
        foreach (var year in DistrictProfile.Years)
        {
            var count = ctx.Profile.Disclosure[year].Published;
            var days = ctx.Spread(count, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            for (var i = 0; i < count; i++)
            {
                var category = PublicationCategories[i % PublicationCategories.Length];
                plans.Add(new PublicationPlan(ctx.Id("publication", year, i), ctx.Org, days[i], category,
                    $"{ctx.Profile.Name}{category}（{year}年第{i + 1}号）"));
            }
        }
        return plans;
    }

    /// <summary>
    /// Each year's requests: most received January to November and answered within their 20 working days (some after a
    /// 补正, some extended); the carried-out ones received in December and answered in January, before they fall due.
    /// </summary>
    private static List<DisclosureRequestPlan> Requests(PlanContext ctx)
    {
        var plans = new List<DisclosureRequestPlan>();
        foreach (var year in DistrictProfile.Years)
        {
            var profile = ctx.Profile.Disclosure[year];
            var random = ctx.Random("requests", year);
            var early = profile.Received - profile.CarriedOut;
            var received = ctx.Spread(early, new DateOnly(year, 1, 3), new DateOnly(year, 11, 20))
                .Concat(ctx.Spread(profile.CarriedOut, new DateOnly(year, 12, 6), new DateOnly(year, 12, 22))).ToList();
            for (var i = 0; i < profile.Received; i++)
            {
                var on = received[i];
                var steps = new List<DisclosureStep>();
                var roll = random.Next(100);
                if (i >= early)
                {
                    var concluded = Max(ctx.AddWorkingDays(on, random.Next(12, 19)), ctx.OnOrAfter(new DateOnly(year + 1, 1, 3)));
                    steps.Add(new Conclude(Min(concluded, ctx.AddWorkingDays(on, 20)), Pick(random, OutcomeWeights)));
                }
                else if (on.Month < 11 && (i % 97 == 13 || i % 97 == 61))
                {
                    // 补正 asked for and never answered in time (其他处理), or answered and still unclear (无法提供).
                    var asked = ctx.AddWorkingDays(on, random.Next(1, 4));
                    steps.Add(new AskClarification(asked));
                    steps.Add(new Conclude(ctx.AddWorkingDays(asked, 15), i % 97 == 13 ? "OUTCOME_OTHER_NO_CLARIFICATION" : "OUTCOME_UNAVAILABLE_UNCLEAR"));
                }
                else if (on.Month < 11 && roll < 6)
                {
                    var asked = ctx.AddWorkingDays(on, random.Next(1, 4));
                    var answered = ctx.OnOrAfter(asked.AddDays(random.Next(3, 9)));
                    steps.Add(new AskClarification(asked));
                    steps.Add(new Clarified(answered));
                    steps.Add(new Conclude(ctx.AddWorkingDays(answered, random.Next(5, 13)), Pick(random, OutcomeWeights)));
                }
                else if (on.Month < 10 && roll < 10)
                {
                    steps.Add(new ExtendRequest(ctx.AddWorkingDays(on, 15), 15, "需要征求第三方意见"));
                    steps.Add(new Conclude(ctx.AddWorkingDays(on, random.Next(24, 33)), Pick(random, OutcomeWeights)));
                }
                else
                {
                    steps.Add(new Conclude(ctx.AddWorkingDays(on, random.Next(5, 19)), Pick(random, OutcomeWeights)));
                }
                plans.Add(new DisclosureRequestPlan(ctx.Id("request", year, i), ctx.Org, on, Pick(random, ApplicantWeights),
                    Subjects[random.Next(Subjects.Length)], steps));
            }
        }
        return plans;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
