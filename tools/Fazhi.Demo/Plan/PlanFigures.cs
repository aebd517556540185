using Fazhi.Calendar;

namespace Fazhi.Demo.Plan;

/// <summary>
/// A small, independent model of the counting rules (docs/domain.md): what the reporting service should answer for an
/// organisation's year, as of 31 December, once the plan has been logged. It is what <c>--check</c> expects and what the
/// tests hold to the worked example; it also lists every planned move that the law would refuse.
/// </summary>
public static class PlanFigures
{
    private static readonly HashSet<string> DirectCorrections =
        ["DECISION_REVOKE", "DECISION_MODIFY", "DECISION_CONFIRM_ILLEGAL", "DECISION_CONFIRM_INVALID", "DECISION_ORDER_PERFORMANCE"];

    public static readonly string[] Outcomes =
    [
        "OUTCOME_DISCLOSED", "OUTCOME_PARTIALLY_DISCLOSED", "OUTCOME_WITHHELD_STATE_SECRET", "OUTCOME_WITHHELD_PROHIBITED_BY_LAW",
        "OUTCOME_WITHHELD_SAFETY_STABILITY", "OUTCOME_WITHHELD_THIRD_PARTY", "OUTCOME_WITHHELD_INTERNAL_AFFAIRS",
        "OUTCOME_WITHHELD_PROCESS_INFORMATION", "OUTCOME_WITHHELD_ENFORCEMENT_FILE", "OUTCOME_WITHHELD_ADMINISTRATIVE_INQUIRY",
        "OUTCOME_UNAVAILABLE_NOT_HELD", "OUTCOME_UNAVAILABLE_NEEDS_CREATION", "OUTCOME_UNAVAILABLE_UNCLEAR", "OUTCOME_NOT_PROCESSED_COMPLAINT",
        "OUTCOME_NOT_PROCESSED_DUPLICATE", "OUTCOME_NOT_PROCESSED_PUBLICATION", "OUTCOME_NOT_PROCESSED_EXCESSIVE",
        "OUTCOME_NOT_PROCESSED_CONFIRMATION", "OUTCOME_OTHER_NO_CLARIFICATION", "OUTCOME_OTHER_FEE_UNPAID", "OUTCOME_OTHER",
    ];

    /// <summary>The YTD metrics of <paramref name="district"/> for <paramref name="year"/> as of 31 December.</summary>
    public static SortedDictionary<string, double> For(DistrictPlan district, int year)
    {
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var period = new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        Reconsideration(district, period, figures);
        Litigation(district, period, figures);
        Enforcement(district, period, figures);
        Disclosure(district, period, figures);
        return figures;
    }

    /// <summary>The sum of several districts' counts (rates and averages are left out: they do not add).</summary>
    public static SortedDictionary<string, double> Sum(IEnumerable<SortedDictionary<string, double>> districts)
    {
        var sum = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var figures in districts)
            foreach (var (key, value) in figures.Where(f => !IsRatio(f.Key)))
                sum[key] = sum.GetValueOrDefault(key) + value;
        return sum;
    }

    public static bool IsRatio(string key) => key.EndsWith("_rate", StringComparison.Ordinal) || key.EndsWith("average_score", StringComparison.Ordinal);

    private readonly record struct Period(DateOnly From, DateOnly To)
    {
        public bool Contains(DateOnly? day) => day is { } d && d >= From && d <= To;
    }

    /// <summary>What a reconsideration case's dates amount to under the law, from its planned steps alone.</summary>
    public sealed record ReconsiderationOutcome(
        DateOnly ReviewDueOn, DateOnly? AcceptedOn, bool ByLaw, DateOnly? RejectedOn, DateOnly? AbandonedOn, DateOnly? WithdrawnOn,
        DateOnly? DecidedOn, string? Decision, bool Settled, DateOnly? Deadline, DateOnly? FirstHearing);

    public static ReconsiderationOutcome Outcome(ReconsiderationCasePlan c, WorkingDayCalendar calendar)
    {
        var supplied = c.Steps.OfType<MaterialsReceived>().FirstOrDefault();
        var materials = c.Steps.OfType<RequestMaterials>().FirstOrDefault();
        var reviewDue = calendar.AddWorkingDays(supplied?.On ?? c.ReceivedOn, 5);
        var rejected = c.Steps.OfType<Reject>().FirstOrDefault()?.On;
        DateOnly? abandoned = materials is not null && supplied is null ? materials.DueOn.AddDays(1) : null;
        var withdrawal = c.Steps.OfType<Withdraw>().FirstOrDefault();
        var accept = c.Steps.OfType<Accept>().FirstOrDefault();
        var withdrawnBeforeAcceptance = withdrawal is not null && accept is null && withdrawal.On <= reviewDue;

        DateOnly? accepted = null;
        var byLaw = false;
        if (rejected is null && abandoned is null && !withdrawnBeforeAcceptance)
        {
            byLaw = accept is null || accept.On > reviewDue;
            accepted = byLaw ? reviewDue : accept!.On;
        }
        var decide = c.Steps.OfType<Decide>().FirstOrDefault();
        DateOnly? decided = accepted is null ? null : decide?.On ?? withdrawal?.On;
        var decision = accepted is null ? null : decide?.Decision ?? (withdrawal is null ? null : "DECISION_TERMINATE");

        DateOnly? deadline = null;
        if (accepted is { } on)
        {
            var days = (accept?.Procedure == "PROCEDURE_SIMPLIFIED" && !byLaw ? 30 : 60)
                + c.Steps.OfType<Extend>().Sum(e => e.Days)
                + c.Steps.OfType<Resume>().Zip(c.Steps.OfType<Suspend>(), (r, s) => r.On.DayNumber - s.On.DayNumber).Sum();
            deadline = calendar.AddCalendarDays(on, days);
        }
        return new ReconsiderationOutcome(reviewDue, accepted, byLaw, rejected, abandoned, withdrawal?.On, decided, decision,
            withdrawal?.Settled ?? false, deadline, c.Steps.OfType<Hear>().Select(h => (DateOnly?)h.On).Min());
    }

    private static void Reconsideration(DistrictPlan district, Period p, IDictionary<string, double> f)
    {
        var calendar = WorkingDayCalendar.Default;
        double received = 0, accepted = 0, rejected = 0, decided = 0, carriedIn = 0, corrected = 0, mediated = 0, heard = 0,
            pending = 0, overdue = 0, deemed = 0, abandoned = 0, withdrawn = 0, terminated = 0;
        foreach (var c in district.Reconsideration)
        {
            var o = Outcome(c, calendar);
            if (p.Contains(c.ReceivedOn)) received++;
            if (p.Contains(o.RejectedOn)) rejected++;
            if (p.Contains(o.AbandonedOn)) abandoned++;
            if (p.Contains(o.WithdrawnOn)) withdrawn++;
            if (p.Contains(o.AcceptedOn))
            {
                accepted++;
                if (o.ByLaw) deemed++;
            }
            if (p.Contains(o.DecidedOn))
            {
                decided++;
                if (c.ReceivedOn < p.From) carriedIn++;
                if (DirectCorrections.Contains(o.Decision!)) corrected++;
                if (o.Decision is "DECISION_MEDIATION" or "DECISION_SETTLEMENT" || o.Settled) mediated++;
                if (o.Decision == "DECISION_TERMINATE") terminated++;
                if (o.FirstHearing <= o.DecidedOn) heard++;
            }
            if (o.AcceptedOn <= p.To && (o.DecidedOn is null || o.DecidedOn > p.To))
            {
                pending++;
                if (o.Deadline < p.To) overdue++;
            }
        }
        f["reconsideration.received"] = received;
        f["reconsideration.accepted"] = accepted;
        f["reconsideration.rejected"] = rejected;
        f["reconsideration.decided"] = decided;
        f["reconsideration.decided_carried_in"] = carriedIn;
        f["reconsideration.directly_corrected"] = corrected;
        f["reconsideration.direct_correction_rate"] = decided == 0 ? 0 : corrected / decided;
        f["reconsideration.mediated_or_settled"] = mediated;
        f["reconsideration.comprehensive_correction_rate"] = decided == 0 ? 0 : (corrected + mediated) / decided;
        f["reconsideration.heard_decided"] = heard;
        f["reconsideration.hearing_rate"] = decided == 0 ? 0 : heard / decided;
        f["reconsideration.pending"] = pending;
        f["reconsideration.overdue"] = overdue;
        f["reconsideration.deemed_accepted"] = deemed;
        f["reconsideration.abandoned"] = abandoned;
        f["reconsideration.withdrawn"] = withdrawn;
        f["reconsideration.terminated"] = terminated;
    }

    private static void Litigation(DistrictPlan district, Period p, IDictionary<string, double> f)
    {
        var first = district.Lawsuits.Where(l => l.Instance == "INSTANCE_FIRST").ToList();
        var notices = district.Lawsuits.Select(l => l.Notice).OfType<NoticePlan>().Where(n => p.Contains(n.NoticeOn)).ToList();
        double appearances = notices.Count(n => n.Appearance is "APPEARANCE_PRINCIPAL" or "APPEARANCE_DEPUTY");
        var judgments = first.Where(l => p.Contains(l.Judgment?.JudgedOn)).ToList();
        double lost = judgments.Count(l => l.Judgment!.Judgment == "JUDGMENT_LOST");
        f["litigation.first_instance_received"] = first.Count(l => p.Contains(l.FiledOn));
        f["litigation.notices"] = notices.Count;
        f["litigation.appearances"] = appearances;
        f["litigation.principal_appearances"] = notices.Count(n => n.Appearance == "APPEARANCE_PRINCIPAL");
        f["litigation.appearance_rate"] = notices.Count == 0 ? 0 : appearances / notices.Count;
        f["litigation.first_instance_judgments"] = judgments.Count;
        f["litigation.first_instance_lost"] = lost;
        f["litigation.loss_rate"] = judgments.Count == 0 ? 0 : lost / judgments.Count;
    }

    public static string Grade(ReviewPlan r) => r.VetoFailed ? "failed" : r.Score >= 90 ? "excellent" : r.Score >= 80 ? "good" : r.Score >= 60 ? "passed" : "failed";

    private static void Enforcement(DistrictPlan district, Period p, IDictionary<string, double> f)
    {
        var reviews = district.Reviews.Where(r => p.Contains(r.ReviewedOn)).ToList();
        var reviewProblems = district.Reviews.SelectMany(r => r.Problems).ToList();
        var campaignProblems = district.Campaigns.SelectMany(c => c.Problems).ToList();
        f["enforcement.files_reviewed"] = reviews.Count;
        f["enforcement.files_excellent"] = reviews.Count(r => Grade(r) == "excellent");
        f["enforcement.files_good"] = reviews.Count(r => Grade(r) == "good");
        f["enforcement.files_passed"] = reviews.Count(r => Grade(r) == "passed");
        f["enforcement.files_failed"] = reviews.Count(r => Grade(r) == "failed");
        f["enforcement.average_score"] = reviews.Count == 0 ? 0 : reviews.Sum(r => r.VetoFailed ? 0 : r.Score) / reviews.Count;
        f["enforcement.problems_found"] = reviewProblems.Count(x => p.Contains(x.FoundOn));
        f["enforcement.problems_rectified"] = reviewProblems.Count(x => p.Contains(x.RectifiedOn));
        f["enforcement.campaigns"] = district.Campaigns.Count(c => c.StartedOn <= p.To && c.EndsOn >= p.From);
        f["enforcement.campaign_problems_found"] = campaignProblems.Count(x => p.Contains(x.FoundOn));
        f["enforcement.campaign_problems_rectified"] = campaignProblems.Count(x => p.Contains(x.RectifiedOn));
        f["enforcement.problems_overdue"] = reviewProblems.Concat(campaignProblems)
            .Count(x => x.FoundOn <= p.To && x.RectifyBy < p.To && (x.RectifiedOn is null || x.RectifiedOn > p.To));
    }

    private static void Disclosure(DistrictPlan district, Period p, IDictionary<string, double> f)
    {
        static DateOnly? Concluded(DisclosureRequestPlan r) => r.Steps.OfType<Conclude>().FirstOrDefault()?.On;
        var concluded = district.Requests.Where(r => p.Contains(Concluded(r))).ToList();
        f["disclosure.proactively_published"] = district.Publications.Count(x => p.Contains(x.PublishedOn));
        f["disclosure.requests_received"] = district.Requests.Count(r => p.Contains(r.ReceivedOn));
        f["disclosure.requests_carried_in"] = district.Requests.Count(r => r.ReceivedOn < p.From && !(Concluded(r) < p.From));
        f["disclosure.requests_concluded"] = concluded.Count;
        f["disclosure.requests_carried_out"] = district.Requests.Count(r => r.ReceivedOn <= p.To && !(Concluded(r) <= p.To));
        foreach (var outcome in Outcomes)
        {
            f["disclosure.outcome." + outcome["OUTCOME_".Length..].ToLowerInvariant()] =
                concluded.Count(r => r.Steps.OfType<Conclude>().First().Outcome == outcome);
        }
        // Table 二: the year's figures count on 1 January of their year.
        var table2 = district.Statistics.Where(s => p.Contains(new DateOnly(s.Year, 1, 1))).ToList();
        f["disclosure.table2.rules_issued"] = table2.Sum(s => s.RulesIssued);
        f["disclosure.table2.rules_repealed"] = table2.Sum(s => s.RulesRepealed);
        f["disclosure.table2.rules_in_force"] = table2.Sum(s => s.RulesInForce);
        f["disclosure.table2.normative_documents_issued"] = table2.Sum(s => s.NormativeDocumentsIssued);
        f["disclosure.table2.normative_documents_repealed"] = table2.Sum(s => s.NormativeDocumentsRepealed);
        f["disclosure.table2.normative_documents_in_force"] = table2.Sum(s => s.NormativeDocumentsInForce);
        f["disclosure.table2.licensing_decisions"] = table2.Sum(s => s.LicensingDecisions);
        f["disclosure.table2.penalty_decisions"] = table2.Sum(s => s.PenaltyDecisions);
        f["disclosure.table2.compulsion_decisions"] = table2.Sum(s => s.CompulsionDecisions);
        f["disclosure.table2.fees_wan_yuan"] = (double)table2.Sum(s => s.FeesWanYuan);
    }
}
