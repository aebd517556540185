namespace Fazhi.Demo.Plan;

public static partial class DemoPlanner
{
    private static readonly (string, int)[] JudgmentWeights =
        [("JUDGMENT_WON", 75), ("JUDGMENT_LOST", 8), ("JUDGMENT_WITHDRAWN", 10), ("JUDGMENT_MEDIATED", 4), ("JUDGMENT_OTHER", 3)];

    private static readonly string[] Excuses = ["EXCUSE_OFFICIAL_DUTY", "EXCUSE_OFFICIAL_DUTY", "EXCUSE_OTHER", "EXCUSE_ACCIDENT"];

    /// <summary>
    /// Each year's first-instance lawsuits (filed January to early December, so every notice falls in the year it is
    /// counted for), the court's notices to appear on as many of them as the profile says, each answered by the kind of
    /// appearance dealt from a deck; judgments after the hearing; and a few appeals (二审), which are not 新增一审.
    /// </summary>
    private static List<LawsuitPlan> Lawsuits(PlanContext ctx)
    {
        var plans = new List<LawsuitPlan>();
        var court = ctx.Profile.Court;
        foreach (var year in DistrictProfile.Years)
        {
            var profile = ctx.Profile.Litigation[year];
            var random = ctx.Random("litigation", year);
            var filed = ctx.Spread(profile.FirstInstance, new DateOnly(year, 1, 4), new DateOnly(year, 12, 8));
            var noticed = Deck(random, (true, profile.Notices), (false, profile.FirstInstance - profile.Notices));
            var appearances = Deck(random,
                ("APPEARANCE_PRINCIPAL", profile.Principal), ("APPEARANCE_DEPUTY", profile.Deputy),
                ("APPEARANCE_STAFF_EXCUSED", profile.StaffExcused), ("APPEARANCE_NONE", profile.Absent));
            var disclosure = Deck(random, (true, profile.InformationDisclosure), (false, profile.FirstInstance - profile.InformationDisclosure));
            var notice = 0;
            for (var i = 0; i < profile.FirstInstance; i++)
            {
                var filedOn = filed[i];
                NoticePlan? noticePlan = null;
                var judgedOn = ctx.OnOrAfter(filedOn.AddDays(random.Next(60, 121)));
                if (noticed[i])
                {
                    var noticeOn = ctx.OnOrAfter(filedOn.AddDays(random.Next(7, 13)));
                    var hearingOn = ctx.OnOrAfter(noticeOn.AddDays(random.Next(7, 21)));
                    var appearance = appearances[notice++];
                    noticePlan = new NoticePlan(ctx.Id("notice", year, i), noticeOn, hearingOn, appearance,
                        appearance == "APPEARANCE_PRINCIPAL" || (appearance == "APPEARANCE_DEPUTY" && random.Next(100) < 85),
                        appearance == "APPEARANCE_STAFF_EXCUSED" ? Excuses[random.Next(Excuses.Length)] : null);
                    judgedOn = ctx.OnOrAfter(hearingOn.AddDays(random.Next(15, 46)));
                }
                plans.Add(new LawsuitPlan(
                    ctx.Id("lawsuit", year, i), ctx.Org, court, $"({year})豫{ctx.Profile.CourtCode}行初{i + 1}号", "INSTANCE_FIRST", filedOn,
                    disclosure[i] ? "ACT_CATEGORY_INFORMATION_DISCLOSURE" : Pick(random, CategoryWeights),
                    AfterReconsideration: random.Next(100) < 40, Defendant(ctx, random), noticePlan,
                    new JudgmentPlan(judgedOn, Pick(random, JudgmentWeights))));
            }
            var appeals = ctx.Spread(profile.SecondInstance, new DateOnly(year, 2, 1), new DateOnly(year, 11, 30));
            for (var i = 0; i < profile.SecondInstance; i++)
            {
                plans.Add(new LawsuitPlan(
                    ctx.Id("appeal", year, i), ctx.Org, "郑州市中级人民法院", $"({year})豫01行终{ctx.Profile.CourtCode}{i + 1:000}号",
                    "INSTANCE_SECOND", appeals[i], Pick(random, CategoryWeights), AfterReconsideration: false, Defendant(ctx, random), null,
                    new JudgmentPlan(ctx.OnOrAfter(appeals[i].AddDays(random.Next(60, 101))), random.Next(10) == 0 ? "JUDGMENT_LOST" : "JUDGMENT_WON")));
            }
        }
        return plans;
    }

    private static string Defendant(PlanContext ctx, Random random) =>
        random.Next(4) == 0 ? ctx.Profile.Name + "人民政府" : Bureau(ctx.Profile, random.Next(DepartmentNames.Length));
}
