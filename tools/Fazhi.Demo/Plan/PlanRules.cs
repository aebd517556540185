using Fazhi.Calendar;

namespace Fazhi.Demo.Plan;

/// <summary>
/// The moves of a plan that the services would refuse or that would make a case overdue, each as a sentence. The
/// planner is meant to produce none; the tests hold it to that, and the demo refuses to start with any.
/// </summary>
public static class PlanRules
{
    public static List<string> Violations(DemoPlan plan)
    {
        var calendar = WorkingDayCalendar.Default;
        var found = new List<string>();
        foreach (var district in plan.Districts)
        {
            foreach (var c in district.Reconsideration) Reconsideration(c, calendar, found);
            foreach (var l in district.Lawsuits) Lawsuit(l, found);
            foreach (var group in district.Lawsuits.GroupBy(l => (l.Court, l.CaseNumber)).Where(g => g.Count() > 1))
                found.Add($"case number {group.Key.CaseNumber} used twice at {group.Key.Court}");
            foreach (var group in district.Reviews.GroupBy(r => (r.Department, r.FileNumber, r.ReviewedOn.Year)).Where(g => g.Count() > 1))
                found.Add($"file {group.Key.FileNumber} of {group.Key.Department} reviewed twice in {group.Key.Year}");
            foreach (var problem in district.Reviews.SelectMany(r => r.Problems).Concat(district.Campaigns.SelectMany(c => c.Problems)))
            {
                if (problem.RectifiedOn is not { } on || on < problem.FoundOn || on > problem.RectifyBy || on > DemoPlanner.LastDate)
                    found.Add($"problem {problem.RequestId} is not rectified between {problem.FoundOn} and {problem.RectifyBy}");
            }
            foreach (var campaign in district.Campaigns)
            {
                if (campaign.Problems.Any(x => x.FoundOn < campaign.StartedOn || x.FoundOn > campaign.EndsOn))
                    found.Add($"campaign {campaign.Name} has a problem found outside it");
            }
            foreach (var r in district.Requests) Request(r, calendar, found);
        }
        return found;
    }

    private static void Reconsideration(ReconsiderationCasePlan c, WorkingDayCalendar calendar, List<string> found)
    {
        var o = PlanFigures.Outcome(c, calendar);
        var name = $"reconsideration {c.RequestId} (received {c.ReceivedOn})";
        var previous = c.ReceivedOn;
        foreach (var step in c.Steps)
        {
            if (step.On < previous) found.Add($"{name}: {step} before the step it follows");
            if (step.On > DemoPlanner.LastDate) found.Add($"{name}: {step} after {DemoPlanner.LastDate}");
            previous = step is RequestMaterials or Suspend ? step.On : Max(previous, step.On);
        }
        var firstReviewDue = calendar.AddWorkingDays(c.ReceivedOn, 5);
        foreach (var step in c.Steps)
        {
            switch (step)
            {
                case Accept a when a.On > o.ReviewDueOn: found.Add($"{name}: accepted after the review period ({o.ReviewDueOn})"); break;
                case Reject r when r.On > o.ReviewDueOn: found.Add($"{name}: refused after the review period ({o.ReviewDueOn})"); break;
                case RequestMaterials m when m.On > firstReviewDue || m.DueOn <= m.On: found.Add($"{name}: 补正 outside the review period"); break;
                case MaterialsReceived m when m.On > c.Steps.OfType<RequestMaterials>().First().DueOn: found.Add($"{name}: materials after their due date"); break;
                case Hear h when o.AcceptedOn is null || h.On <= o.AcceptedOn || h.On > o.DecidedOn: found.Add($"{name}: hearing {h.On} outside the case"); break;
                case Extend e when o.AcceptedOn is not { } acc || e.On > calendar.AddCalendarDays(acc, 60): found.Add($"{name}: extension after the deadline"); break;
            }
        }
        if (o.DecidedOn is { } decided && (decided <= o.AcceptedOn || decided > o.Deadline))
            found.Add($"{name}: decided {decided} outside {o.AcceptedOn}..{o.Deadline}");
        if (o.AcceptedOn is not null && o.DecidedOn is null) found.Add($"{name}: accepted and never decided");
    }

    private static void Lawsuit(LawsuitPlan l, List<string> found)
    {
        var name = $"lawsuit {l.CaseNumber}";
        if (l.Notice is { } n && (n.NoticeOn < l.FiledOn || n.HearingOn < n.NoticeOn.AddDays(3) || l.Judgment?.JudgedOn < n.HearingOn))
            found.Add($"{name}: notice {n.NoticeOn}, hearing {n.HearingOn}, judgment {l.Judgment?.JudgedOn} out of order");
        if (l.Judgment is { } j && (j.JudgedOn < l.FiledOn || j.JudgedOn > DemoPlanner.LastDate))
            found.Add($"{name}: judgment {j.JudgedOn} out of range");
        if (l.Notice is { Appearance: not "APPEARANCE_STAFF_EXCUSED", Excuse: not null } || l.Notice is { Appearance: "APPEARANCE_STAFF_EXCUSED", Excuse: null })
            found.Add($"{name}: an excuse goes with an excused staff member's appearance and nothing else");
    }

    private static void Request(DisclosureRequestPlan r, WorkingDayCalendar calendar, List<string> found)
    {
        var name = $"disclosure request {r.RequestId} (received {r.ReceivedOn})";
        var conclude = r.Steps.OfType<Conclude>().SingleOrDefault();
        if (conclude is null) { found.Add($"{name}: never concluded"); return; }
        var asked = r.Steps.OfType<AskClarification>().FirstOrDefault();
        var answered = r.Steps.OfType<Clarified>().FirstOrDefault();
        if (asked is not null && asked.On > calendar.AddWorkingDays(r.ReceivedOn, 7)) found.Add($"{name}: 补正 later than 7 working days");
        if (asked is not null && answered is null && conclude.Outcome is not ("OUTCOME_OTHER_NO_CLARIFICATION" or "OUTCOME_UNAVAILABLE_UNCLEAR" or "OUTCOME_OTHER"))
            found.Add($"{name}: ends as {conclude.Outcome} while waiting for 补正");
        if (conclude.Outcome == "OUTCOME_UNAVAILABLE_UNCLEAR" && asked is null) found.Add($"{name}: still unclear without a 补正");
        if (asked is null)
        {
            var due = calendar.AddWorkingDays(r.ReceivedOn, 20 + r.Steps.OfType<ExtendRequest>().Sum(e => e.WorkingDays));
            if (conclude.On > due) found.Add($"{name}: concluded {conclude.On} after its due date {due}");
        }
        if (r.Steps.Zip(r.Steps.Skip(1)).Any(p => p.Second.On < p.First.On) || conclude.On > DemoPlanner.LastDate)
            found.Add($"{name}: steps out of order");
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
