namespace Fazhi.Demo.Plan;

public static partial class DemoPlanner
{
    private static readonly string[] Corrections =
        ["DECISION_REVOKE", "DECISION_MODIFY", "DECISION_CONFIRM_ILLEGAL", "DECISION_ORDER_PERFORMANCE", "DECISION_REVOKE", "DECISION_CONFIRM_INVALID"];

    private static readonly (string, int)[] CategoryWeights =
    [
        ("ACT_CATEGORY_ADMINISTRATIVE_PENALTY", 35), ("ACT_CATEGORY_ADMINISTRATIVE_COMPULSION", 8), ("ACT_CATEGORY_ADMINISTRATIVE_LICENSING", 10),
        ("ACT_CATEGORY_FAILURE_TO_PERFORM", 15), ("ACT_CATEGORY_WORK_INJURY_DETERMINATION", 10), ("ACT_CATEGORY_EXPROPRIATION", 7), ("ACT_CATEGORY_OTHER", 15),
    ];

    private const string Settled = "WITHDRAW_SETTLED";
    private const string Withdrawn = "WITHDRAW";
    private const string Died = "TERMINATE_DIED";

    /// <summary>One application as it is being planned: its receipt, how it was accepted, and when it ends.</summary>
    private sealed class ReconsiderationDraft
    {
        public required int Year;
        public required DateOnly ReceivedOn;
        public required string Category;
        public List<ReconsiderationStep> Steps { get; } = [];
        public DateOnly? AcceptedOn;
        public string Procedure = "PROCEDURE_ORDINARY";
        public DateOnly? DecidedOn;
        public bool Suspended;
        public bool Extended;
    }

    /// <summary>
    /// Each full year: the year's own applications (rejected, withdrawn, abandoned, accepted and decided, accepted and
    /// carried out, still in review at year end), then the decisions of every case decided in that year — the previous
    /// year's carried-out cases first among them (上年度转结) — dealt from a deck holding exactly the profile's corrections.
    /// The year after the last closes what was left open, within its deadlines.
    /// </summary>
    private static List<ReconsiderationCasePlan> Reconsideration(PlanContext ctx)
    {
        var all = new List<ReconsiderationDraft>();
        var open = new List<ReconsiderationDraft>();   // carried out of the previous year, decided in this one
        foreach (var year in DistrictProfile.Years)
        {
            var profile = ctx.Profile.Reconsideration[year];
            if (year != DistrictProfile.Years[^1] && profile.InReviewAtYearEnd != 0)
                throw new InvalidOperationException($"{ctx.Org} {year}: only the last year may end with applications in review (they would be accepted in the next one).");
            var (own, decidedNow, carriedOut, inReview) = ReconsiderationYearDrafts(ctx, year, profile);
            all.AddRange(own);
            DealDecisions(ctx, year, [.. open.Concat(decidedNow)], profile.DirectlyCorrected);
            open = [.. carriedOut, .. inReview];
        }

        // The year after: what was still open is accepted (in review) and decided within its deadlines.
        var tail = DistrictProfile.Years[^1] + 1;
        var random = ctx.Random("reconsideration-tail", tail);
        foreach (var draft in open)
        {
            if (draft.AcceptedOn is null)
            {
                // Its review period runs into January: accepted on the first working day of the new year.
                draft.AcceptedOn = ctx.OnOrAfter(new DateOnly(tail, 1, 1));
                draft.Steps.Add(new Accept(draft.AcceptedOn.Value, "PROCEDURE_ORDINARY"));
            }
            var decidedOn = ctx.OnOrAfter(Max(draft.AcceptedOn.Value.AddDays(random.Next(35, 52)), new DateOnly(tail, 1, 3)));
            draft.DecidedOn = decidedOn;
            draft.Steps.Add(new Decide(decidedOn, random.Next(4) == 0 ? "DECISION_REVOKE" : "DECISION_MAINTAIN"));
        }

        return [.. all.Select((d, i) => ToPlan(ctx, d, i))];
    }

    private static (List<ReconsiderationDraft> Own, List<ReconsiderationDraft> DecidedNow, List<ReconsiderationDraft> CarriedOut, List<ReconsiderationDraft> InReview)
        ReconsiderationYearDrafts(PlanContext ctx, int year, ReconsiderationYear profile)
    {
        var random = ctx.Random("reconsideration", year);
        var decidedCount = profile.Accepted - profile.CarriedOut;
        var early = profile.Received - profile.InReviewAtYearEnd - profile.CarriedOut;
        if (decidedCount < 0 || early < 0) throw new InvalidOperationException($"{ctx.Org} {year}: the reconsideration profile does not add up.");

        // Cases decided within the year (and those that never become cases) come in from January to early November;
        // the ones carried out come in from November on, so that on 31 December none of them is past its deadline.
        var earlyDays = ctx.Spread(early, new DateOnly(year, 1, 3), new DateOnly(year, 11, 3));
        var lateDays = ctx.Spread(profile.CarriedOut, new DateOnly(year, 11, 6), new DateOnly(year, 12, 20));
        var reviewDays = ctx.WorkingDays(new DateOnly(year, 12, 20), new DateOnly(year, 12, 31))
            .Where(d => ctx.AddWorkingDays(d, 5).Year > year).ToList();

        var kinds = Deck(random,
            ("reject", profile.Rejected), ("withdraw", profile.WithdrawnBeforeAcceptance), ("abandon", profile.Abandoned),
            ("deemed", Math.Max(1, decidedCount / 90)), ("materials", decidedCount / 30),
            ("accept", decidedCount - Math.Max(1, decidedCount / 90) - decidedCount / 30));
        var disclosure = new HashSet<int>(Deck(random, (true, profile.InformationDisclosure), (false, profile.Received - profile.InformationDisclosure))
            .Select((isDisclosure, i) => (isDisclosure, i)).Where(x => x.isDisclosure).Select(x => x.i));

        string Category(int i) => disclosure.Contains(i) ? "ACT_CATEGORY_INFORMATION_DISCLOSURE" : Pick(random, CategoryWeights);
        var own = new List<ReconsiderationDraft>();
        var decidedNow = new List<ReconsiderationDraft>();
        var carriedOut = new List<ReconsiderationDraft>();
        var inReview = new List<ReconsiderationDraft>();

        for (var i = 0; i < early; i++)
        {
            var draft = new ReconsiderationDraft { Year = year, ReceivedOn = earlyDays[i], Category = Category(i) };
            own.Add(draft);
            var r = draft.ReceivedOn;
            switch (kinds[i])
            {
                case "reject":
                    draft.Steps.Add(new Reject(ctx.AddWorkingDays(r, random.Next(1, 5)), "不属于行政复议受案范围"));
                    continue;
                case "withdraw":
                    draft.Steps.Add(new Withdraw(ctx.AddWorkingDays(r, random.Next(1, 4)), "申请人主动撤回申请", false));
                    continue;
                case "abandon":
                    var asked = ctx.AddWorkingDays(r, random.Next(1, 3));
                    draft.Steps.Add(new RequestMaterials(asked, asked.AddDays(10), "申请材料不齐全，请补正身份证明"));
                    continue;
                case "deemed":
                    // Nobody clicked "accept": accepted by law on the last day of the review period (视为受理).
                    draft.AcceptedOn = ctx.AddWorkingDays(r, 5);
                    break;
                case "materials":
                    var requested = ctx.AddWorkingDays(r, random.Next(1, 3));
                    var supplied = requested.AddDays(random.Next(3, 7));
                    draft.Steps.Add(new RequestMaterials(requested, requested.AddDays(10), "请补正被申请人作出行政行为的证明材料"));
                    draft.Steps.Add(new MaterialsReceived(supplied));
                    draft.AcceptedOn = ctx.AddWorkingDays(supplied, random.Next(1, 4));
                    break;
                default:
                    draft.AcceptedOn = ctx.AddWorkingDays(r, random.Next(1, 4));
                    break;
            }
            if (kinds[i] != "deemed" && random.Next(100) < 15) draft.Procedure = "PROCEDURE_SIMPLIFIED";
            if (kinds[i] != "deemed") draft.Steps.Add(new Accept(draft.AcceptedOn!.Value, draft.Procedure));
            PlanDecisionDate(ctx, random, draft, year);
            decidedNow.Add(draft);
        }
        for (var i = 0; i < profile.CarriedOut; i++)
        {
            var draft = new ReconsiderationDraft { Year = year, ReceivedOn = lateDays[i], Category = Category(early + i) };
            draft.AcceptedOn = ctx.AddWorkingDays(draft.ReceivedOn, random.Next(1, 4));
            draft.Steps.Add(new Accept(draft.AcceptedOn.Value, draft.Procedure));
            if (i % 9 == 4) draft.Steps.Add(new Hear(ctx.OnOrAfter(draft.AcceptedOn.Value.AddDays(12))));
            own.Add(draft);
            carriedOut.Add(draft);
        }
        for (var i = 0; i < profile.InReviewAtYearEnd; i++)
        {
            var draft = new ReconsiderationDraft
            {
                Year = year, ReceivedOn = reviewDays[i % reviewDays.Count], Category = Category(early + profile.CarriedOut + i),
            };
            own.Add(draft);
            inReview.Add(draft);
        }
        return (own, decidedNow, carriedOut, inReview);
    }

    /// <summary>
    /// When a case accepted this year is decided: within its deadline (30 or 60 days, longer for the few extended), no
    /// later than the last working days of December; a few are suspended for a while first.
    /// </summary>
    private static void PlanDecisionDate(PlanContext ctx, Random random, ReconsiderationDraft draft, int year)
    {
        var accepted = draft.AcceptedOn!.Value;
        var lastDay = ctx.OnOrBefore(new DateOnly(year, 12, 28));
        var simplified = draft.Procedure == "PROCEDURE_SIMPLIFIED";
        var decided = ctx.OnOrAfter(accepted.AddDays(simplified ? random.Next(8, 23) : random.Next(20, 51)));
        var roll = random.Next(1000);
        if (!simplified && roll < 12 && accepted.Month < 8)
        {
            // 延期: decided on the deadline day at the latest, so extended before it, by 30 days.
            draft.Steps.Add(new Extend(ctx.OnOrAfter(accepted.AddDays(45)), 30, "案情重大、复杂，经机构负责人批准延期"));
            draft.Extended = true;
            decided = ctx.OnOrAfter(accepted.AddDays(random.Next(62, 81)));
        }
        else if (!simplified && roll < 35 && (decided.DayNumber - accepted.DayNumber) >= 30)
        {
            var from = ctx.OnOrAfter(accepted.AddDays(8));
            var to = from.AddDays(random.Next(7, 15));
            if (to < decided)
            {
                draft.Steps.Add(new Suspend(from, "需以其他案件的审理结果为依据，中止审理"));
                draft.Steps.Add(new Resume(to));
                draft.Suspended = true;
            }
        }
        draft.DecidedOn = decided > lastDay ? lastDay : decided;
    }

    /// <summary>Deals the year's decisions: exactly <paramref name="corrections"/> direct corrections, the rest mixed.</summary>
    private static void DealDecisions(PlanContext ctx, int year, List<ReconsiderationDraft> decided, int corrections)
    {
        var random = ctx.Random("reconsideration-decisions", year);
        var d = decided.Count;
        int mediated = d * 25 / 1000, settled = Math.Max(1, d / 110), withdrawn = Math.Max(1, d / 130), died = Math.Max(1, d / 240),
            dismissedApplications = Math.Max(1, d / 60);
        var rest = d - corrections - mediated - settled - withdrawn - died - dismissedApplications;
        if (rest < 0) throw new InvalidOperationException($"{ctx.Org} {year}: more corrections than decisions.");
        var deck = Deck(random,
            ("CORRECTION", corrections), ("DECISION_MEDIATION", mediated), (Settled, settled), (Withdrawn, withdrawn), (Died, died),
            ("DECISION_DISMISS_APPLICATION", dismissedApplications), ("DECISION_MAINTAIN", rest - rest / 3), ("DECISION_DISMISS_REQUEST", rest / 3));
        var correction = 0;
        for (var i = 0; i < d; i++)
        {
            var draft = decided[i];
            if (draft.DecidedOn is null || draft.DecidedOn.Value.Year != year)
            {
                // Carried in from last year: decided early this year, within its 60 days.
                draft.DecidedOn = ctx.OnOrAfter(Max(draft.AcceptedOn!.Value.AddDays(random.Next(35, 52)), new DateOnly(year, 1, 3)));
            }
            var accepted = draft.AcceptedOn!.Value;
            var on = draft.DecidedOn.Value;
            if (!draft.Suspended && i % 9 == 0 && !draft.Steps.OfType<Hear>().Any())
            {
                var heldOn = ctx.OnOrAfter(accepted.AddDays((on.DayNumber - accepted.DayNumber) / 2));
                if (heldOn > accepted && heldOn < on) draft.Steps.Add(new Hear(heldOn));
            }
            draft.Steps.Add(deck[i] switch
            {
                "CORRECTION" => new Decide(on, Corrections[correction++ % Corrections.Length]),
                Settled => new Withdraw(on, "双方达成和解，申请人撤回申请", true),
                Withdrawn => new Withdraw(on, "申请人撤回行政复议申请", false),
                Died => new Decide(on, "DECISION_TERMINATE", "TERMINATION_GROUND_APPLICANT_DIED"),
                var decision => new Decide(on, decision),
            });
        }
    }

    private static ReconsiderationCasePlan ToPlan(PlanContext ctx, ReconsiderationDraft draft, int index)
    {
        var random = ctx.Random("reconsideration-parties", draft.Year * 10000 + index);
        var respondent = random.Next(5) == 0 ? ctx.Profile.Name + "人民政府" : Bureau(ctx.Profile, random.Next(DepartmentNames.Length));
        var act = draft.Category switch
        {
            "ACT_CATEGORY_INFORMATION_DISCLOSURE" => "政府信息公开答复",
            "ACT_CATEGORY_ADMINISTRATIVE_PENALTY" => "行政处罚决定",
            "ACT_CATEGORY_ADMINISTRATIVE_COMPULSION" => "行政强制措施",
            "ACT_CATEGORY_ADMINISTRATIVE_LICENSING" => "不予行政许可决定",
            "ACT_CATEGORY_FAILURE_TO_PERFORM" => "不履行法定职责",
            "ACT_CATEGORY_WORK_INJURY_DETERMINATION" => "工伤认定决定",
            "ACT_CATEGORY_EXPROPRIATION" => "房屋征收补偿决定",
            _ => "行政行为",
        };
        return new ReconsiderationCasePlan(
            ctx.Id("reconsideration", draft.Year, index), ctx.Org, draft.ReceivedOn, Pick(random, ApplicantWeights), draft.Category,
            respondent, $"不服{respondent}作出的{act}", [.. draft.Steps.OrderBy(s => s.On)]);   // stable: same-day moves keep their order
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
