namespace Fazhi.Calendar;

public sealed partial class WorkingDayCalendar
{
    public DeadlineExplanation ExplainWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);

        var trace = new Trace(this);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (trace.IsWorkingDay(day))
                counted++;
        }
        return trace.Explain(day);
    }

    public DeadlineExplanation ExplainCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        // Only the last day (and whatever follows it) matters for a period counted in days,
        // so only those days are classified and reported.
        var trace = new Trace(this);
        var day = start.AddDays(days);
        while (!trace.IsWorkingDay(day))
            day = day.AddDays(1);
        return trace.Explain(day);
    }

    /// <summary>Records every classification a computation relied on, so it can be shown later.</summary>
    private sealed class Trace(WorkingDayCalendar calendar)
    {
        private readonly List<SkippedDay> _skipped = [];
        private readonly SortedSet<int> _unscheduled = [];

        public bool IsWorkingDay(DateOnly day)
        {
            if (!calendar.IsCovered(day))
                _unscheduled.Add(day.Year);

            if (calendar.IsWorkingDay(day))
                return true;
            _skipped.Add(new SkippedDay(day, calendar.SkipReason(day)));
            return false;
        }

        public DeadlineExplanation Explain(DateOnly due) =>
            new(due, calendar.Version, _skipped.AsReadOnly(), [.. _unscheduled]);
    }
}
