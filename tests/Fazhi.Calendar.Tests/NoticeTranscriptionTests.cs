using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

/// <summary>
/// Re-types each notice independently of the JSON, as the exact set of make-up weekends and
/// weekday holidays, so that a mistyped or shifted date in the data cannot go unnoticed
/// (a per-year count alone misses a make-up day moved from Saturday to Sunday).
/// </summary>
public class NoticeTranscriptionTests
{
    public static TheoryData<int, string[], string[]> Notices => new()
    {
        {
            2023,
            ["01-28", "01-29", "04-23", "05-06", "06-25", "10-07", "10-08"],
            ["01-02", "01-23..01-27", "04-05", "05-01..05-03", "06-22..06-23", "09-29", "10-02..10-06"]
        },
        {
            2024,
            ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"],
            ["01-01", "02-12..02-16", "04-04..04-05", "05-01..05-03", "06-10", "09-16..09-17", "10-01..10-04", "10-07"]
        },
        {
            2025,
            ["01-26", "02-08", "04-27", "09-28", "10-11"],
            ["01-01", "01-28..01-31", "02-03..02-04", "04-04", "05-01..05-02", "05-05", "06-02", "10-01..10-03", "10-06..10-08"]
        },
        {
            2026,
            ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
            ["01-01..01-02", "02-16..02-20", "02-23", "04-06", "05-01", "05-04..05-05", "06-19", "09-25", "10-01..10-02", "10-05..10-07"]
        },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Data_matches_the_notice_exactly(int year, string[] makeUpWeekends, string[] weekdayHolidays)
    {
        var calendar = WorkingDayCalendar.Default;
        var days = AllDaysOf(year).ToList();

        var actualMakeUps = days.Where(d => IsWeekend(d) && calendar.IsWorkingDay(d));
        var actualHolidays = days.Where(d => !IsWeekend(d) && !calendar.IsWorkingDay(d));

        Assert.Equal(Expand(year, makeUpWeekends), actualMakeUps);
        Assert.Equal(Expand(year, weekdayHolidays), actualHolidays);
    }

    private static IEnumerable<DateOnly> AllDaysOf(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            yield return d;
    }

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    // "MM-dd" or "MM-dd..MM-dd" (inclusive); ranges here contain weekdays only.
    private static IEnumerable<DateOnly> Expand(int year, string[] items) =>
        items.SelectMany(item =>
        {
            var parts = item.Split("..");
            var from = D($"{year}-{parts[0]}");
            var to = D($"{year}-{parts[^1]}");
            return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        });
}
