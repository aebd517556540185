using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class DefaultScheduleTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Theory]
    [InlineData("2023-01-28")] // Sat, 春节调休
    [InlineData("2023-01-29")] // Sun, 春节调休
    [InlineData("2023-10-07")] // Sat, 国庆调休
    [InlineData("2023-10-08")] // Sun, 国庆调休
    [InlineData("2024-02-04")]
    [InlineData("2024-02-18")]
    [InlineData("2024-09-14")]
    [InlineData("2024-10-12")]
    [InlineData("2025-01-26")]
    [InlineData("2025-04-27")]
    [InlineData("2025-10-11")]
    [InlineData("2026-01-04")]
    [InlineData("2026-02-28")]
    [InlineData("2026-09-20")]
    public void Make_up_weekends_are_working_days(string date)
    {
        var day = D(date);
        Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "test data must be a weekend");
        Assert.True(_calendar.IsWorkingDay(day));
    }

    [Theory]
    [InlineData("2023-01-02")] // Mon, 元旦
    [InlineData("2023-04-05")] // Wed, 清明节
    [InlineData("2023-06-23")] // Fri, 端午节
    [InlineData("2023-09-29")] // Fri, 中秋节
    [InlineData("2023-10-06")] // Fri, 国庆节
    [InlineData("2024-02-16")]
    [InlineData("2024-06-10")]
    [InlineData("2024-10-07")]
    [InlineData("2025-01-28")] // 除夕, a statutory holiday since the 2024 revision
    [InlineData("2025-05-05")]
    [InlineData("2025-10-08")]
    [InlineData("2026-02-23")]
    [InlineData("2026-05-05")]
    [InlineData("2026-10-07")]
    public void Weekday_holidays_are_not_working_days(string date)
    {
        var day = D(date);
        Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, "test data must be a weekday");
        Assert.False(_calendar.IsWorkingDay(day));
    }

    [Fact]
    public void Ordinary_weekdays_and_weekends_follow_the_week()
    {
        Assert.True(_calendar.IsWorkingDay(D("2024-03-12")));  // Tue
        Assert.False(_calendar.IsWorkingDay(D("2024-03-16"))); // Sat
        Assert.False(_calendar.IsWorkingDay(D("2024-03-17"))); // Sun
    }

    [Fact]
    public void Encouraged_but_not_granted_days_stay_working_days()
    {
        // 2024's notice only "encouraged" giving 除夕 off; it was not a statutory holiday.
        Assert.True(_calendar.IsWorkingDay(D("2024-02-09")));
    }

    // Expected totals are derived independently from each notice (weekdays − weekday holidays
    // + make-up days), so a mistyped date in the JSON changes the count and fails here.
    [Theory]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void Working_days_per_year_match_the_notices(int year, int expected)
    {
        var first = new DateOnly(year, 1, 1);
        var count = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Count(i => _calendar.IsWorkingDay(first.AddDays(i)));
        Assert.Equal(expected, count);
    }

    [Fact]
    public void Default_is_cached_versioned_and_covers_2022_to_2026()
    {
        Assert.Same(WorkingDayCalendar.Default, WorkingDayCalendar.Default);
        Assert.Equal("cn-2026.2", _calendar.Version);
        Assert.Equal([2022, 2023, 2024, 2025, 2026], _calendar.ScheduledYears);
    }
}
