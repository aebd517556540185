using Fazhi.Calendar;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Domain;

/// <summary>One suspension (中止): from <see cref="From"/> until <see cref="To"/> (null while it lasts).</summary>
/// <param name="StoppedClock">
/// False when the case was already past its deadline on <see cref="From"/>: an expired period cannot be stopped, so
/// the interval's days do not move the deadline and the case stays overdue.
/// </param>
/// <param name="EndedByDecision">Ended by the decision rather than a resume: a corrected decision date moves it.</param>
public sealed record Suspension(DateOnly From, DateOnly? To, string? Reason, bool StoppedClock, bool EndedByDecision = false)
{
    public int Days => To is { } to ? to.DayNumber - From.DayNumber : 0;
}

/// <summary>From <see cref="From"/> on, the decision is due on <see cref="Deadline"/> (null: the clock is stopped).</summary>
public sealed record DeadlineChange(DateOnly From, DateOnly? Deadline);

/// <summary>
/// The decision deadlines a case has had, derived from its dated facts: acceptance, a later choice of procedure (when
/// acceptance came by law), the extension, and the suspensions. Each fact takes effect on its own business date, so
/// the deadline in force on a past day depends only on facts dated up to that day: a later step never turns a past
/// day overdue or back.
/// </summary>
public static class DecisionTimeline
{
    public sealed record Facts(
        DateOnly AcceptedOn,
        Procedure InitialProcedure,
        (DateOnly On, Procedure Procedure)? ProcedureChange,
        (DateOnly On, int Days)? Extension,
        IReadOnlyList<Suspension> Suspensions);

    public static List<DeadlineChange> Deadlines(Facts facts, WorkingDayCalendar calendar)
    {
        var procedure = facts.InitialProcedure;
        var extensionDays = 0;
        var suspendedDays = 0;
        var stopped = false;
        DateOnly Due() => StatutoryDeadlines.DecisionDue(facts.AcceptedOn, procedure, extensionDays, suspendedDays, calendar);

        // Steps in date order; on one day, in the order they happened: a procedure or extension first, then each
        // suspension's start before its own end, and a previous suspension's end before the next one's start.
        var steps = new List<(DateOnly On, int Sequence, Action Apply)>();
        if (facts.ProcedureChange is { } change) steps.Add((change.On, -1, () => procedure = change.Procedure));
        if (facts.Extension is { } extension) steps.Add((extension.On, -1, () => extensionDays = extension.Days));
        foreach (var s in facts.Suspensions.Where(s => s.StoppedClock))
        {
            steps.Add((s.From, steps.Count, () => stopped = true));
            if (s.To is { } to) steps.Add((to, steps.Count, () => { stopped = false; suspendedDays += s.Days; }));
        }

        var history = new List<DeadlineChange> { new(facts.AcceptedOn, Due()) };
        foreach (var day in steps.Where(s => s.On >= facts.AcceptedOn).OrderBy(s => s.On).ThenBy(s => s.Sequence).GroupBy(s => s.On))
        {
            foreach (var step in day) step.Apply();
            DateOnly? deadline = stopped ? null : Due();
            if (history[^1].Deadline == deadline) continue;
            if (history[^1].From == day.Key) history[^1] = new DeadlineChange(day.Key, deadline);
            else history.Add(new DeadlineChange(day.Key, deadline));
        }
        return history;
    }

    /// <summary>The deadline in force on <paramref name="day"/> (null before acceptance or while stopped).</summary>
    public static DateOnly? InForceOn(IReadOnlyList<DeadlineChange> history, DateOnly day)
    {
        DateOnly? deadline = null;
        foreach (var change in history)
        {
            if (change.From > day) break;
            deadline = change.Deadline;
        }
        return deadline;
    }

    /// <summary>
    /// Keeps what was in force before <paramref name="cutoff"/> from <paramref name="before"/> and takes the rest from
    /// <paramref name="after"/>: a new holiday schedule moves deadlines from the day it is loaded, not in the past.
    /// </summary>
    public static List<DeadlineChange> Splice(IReadOnlyList<DeadlineChange> before, IReadOnlyList<DeadlineChange> after, DateOnly cutoff)
    {
        var spliced = before.Where(c => c.From < cutoff).ToList();
        var inForce = InForceOn(after, cutoff);
        if (after.Count > 0 && after[0].From <= cutoff && (spliced.Count == 0 || spliced[^1].Deadline != inForce))
            spliced.Add(new DeadlineChange(cutoff, inForce));
        foreach (var change in after.Where(c => c.From > cutoff))
            if (spliced.Count == 0 || spliced[^1].Deadline != change.Deadline) spliced.Add(change);
        return spliced;
    }
}
