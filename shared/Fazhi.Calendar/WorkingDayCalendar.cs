using System.Collections.Frozen;

namespace Fazhi.Calendar;

/// <summary>
/// Chinese working-day calendar for statutory deadlines. Which days are working days is data
/// (the State Council's yearly 节假日安排 notice), not code, because the schedule is published
/// one year at a time and 调休 turns weekends into working days.
/// Instances are immutable and safe to share across threads.
/// </summary>
public sealed partial class WorkingDayCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;
    private readonly FrozenSet<int> _scheduledYears;

    internal WorkingDayCalendar(string version, IDictionary<DateOnly, CalendarDay> days, IEnumerable<int> scheduledYears)
    {
        Version = version;
        _days = days.ToFrozenDictionary();
        _scheduledYears = scheduledYears.ToFrozenSet();
        ScheduledYears = [.. _scheduledYears.Order()];
    }

    /// <summary>Version of the calendar data; store it next to every computed deadline.</summary>
    public string Version { get; }

    /// <summary>Years for which a State Council schedule is loaded, ascending.</summary>
    public IReadOnlyList<int> ScheduledYears { get; }

    /// <summary>
    /// False means days of that year are judged as plain Monday–Friday, which will be wrong
    /// around its holidays until the year's notice is added to the data.
    /// </summary>
    public bool HasScheduleFor(int year) => _scheduledYears.Contains(year);

    public bool IsWorkingDay(DateOnly day) =>
        _days.TryGetValue(day, out var entry) ? entry.IsWorking : !IsWeekend(day);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>; the start
    /// day itself is never counted, even if it is a working day (期间开始的日不计算在期间内).
    /// Zero returns <paramref name="start"/> unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays) =>
        ExplainWorkingDays(start, workingDays).Due;

    /// <summary>
    /// <paramref name="start"/> + <paramref name="days"/>; when that last day is not a working day
    /// the period ends on the next working day (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期).
    /// Non-working days inside the period still count.
    /// </summary>
    public DateOnly AddCalendarDays(DateOnly start, int days) =>
        ExplainCalendarDays(start, days).Due;

    // A day listed by a neighbouring year's notice (e.g. 2022-12-31 in the 2023 notice) is known
    // even though its own year has no schedule.
    internal bool IsCovered(DateOnly day) => HasScheduleFor(day.Year) || _days.ContainsKey(day);

    internal static bool IsWeekend(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private string SkipReason(DateOnly day) =>
        _days.TryGetValue(day, out var entry) ? entry.Name : SkippedDay.WeekendReason;
}
