using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class AddCalendarDaysTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Period_ending_on_a_working_day_is_not_moved()
    {
        // Weekends inside the period still count; only the last day matters.
        Assert.Equal(D("2024-03-15"), _calendar.AddCalendarDays(D("2024-03-01"), 14));
    }

    [Fact]
    public void Period_ending_on_a_weekend_moves_to_monday()
    {
        Assert.Equal(D("2023-03-06"), _calendar.AddCalendarDays(D("2023-03-01"), 3)); // Sat 3/4 → Mon 3/6
    }

    [Fact]
    public void Period_ending_on_a_holiday_moves_past_the_whole_holiday()
    {
        // 6/3 + 5 = Sat 6/8, the start of 2024 端午 (6/8–6/10) → Tue 6/11.
        Assert.Equal(D("2024-06-11"), _calendar.AddCalendarDays(D("2024-06-03"), 5));
    }

    [Fact]
    public void Period_ending_on_a_make_up_weekend_is_not_moved()
    {
        // Sun 2024-04-07 was a 清明 make-up working day.
        Assert.Equal(D("2024-04-07"), _calendar.AddCalendarDays(D("2024-03-31"), 7));
    }

    [Fact]
    public void Sixty_day_reconsideration_deadline_ending_in_2023_national_day()
    {
        // Accepted 2023-08-02 + 60 days = 10/1, inside 中秋国庆 (9/29–10/6); 10/7 was a make-up Saturday.
        Assert.Equal(D("2023-10-07"), _calendar.AddCalendarDays(D("2023-08-02"), 60));
    }

    [Fact]
    public void Zero_days_still_moves_off_a_non_working_day()
    {
        Assert.Equal(D("2025-02-05"), _calendar.AddCalendarDays(D("2025-01-28"), 0));
        Assert.Equal(D("2025-02-06"), _calendar.AddCalendarDays(D("2025-02-06"), 0));
    }

    [Fact]
    public void Negative_days_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddCalendarDays(D("2024-01-01"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.ExplainCalendarDays(D("2024-01-01"), -5));
    }

    [Theory]
    [InlineData("2024-03-12", "2024-03-12")] // already a working day
    [InlineData("2024-03-16", "2024-03-18")] // Sat → Mon
    [InlineData("2024-10-01", "2024-10-08")] // 国庆 → first day after
    [InlineData("2024-09-29", "2024-09-29")] // make-up Sunday
    public void Next_working_day_on_or_after(string day, string expected)
    {
        Assert.Equal(D(expected), _calendar.NextWorkingDayOnOrAfter(D(day)));
    }
}
