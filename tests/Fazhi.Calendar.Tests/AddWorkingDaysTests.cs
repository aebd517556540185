using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class AddWorkingDaysTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Start_day_is_not_counted()
    {
        // Mon 2024-03-11 + 1 working day is Tue, not Mon.
        Assert.Equal(D("2024-03-12"), _calendar.AddWorkingDays(D("2024-03-11"), 1));
        Assert.Equal(D("2024-03-18"), _calendar.AddWorkingDays(D("2024-03-11"), 5));
    }

    [Fact]
    public void Zero_working_days_returns_the_start()
    {
        Assert.Equal(D("2023-10-01"), _calendar.AddWorkingDays(D("2023-10-01"), 0));
    }

    [Fact]
    public void Five_day_acceptance_review_across_2023_national_day()
    {
        // 9/29–10/6 off, then the make-up weekend 10/7–10/8 counts: 10/7, 10/8, 10/9, 10/10, 10/11.
        Assert.Equal(D("2023-10-11"), _calendar.AddWorkingDays(D("2023-09-28"), 5));
    }

    [Fact]
    public void Twenty_day_disclosure_reply_across_2024_national_day()
    {
        // Counts the make-up days 9/29 (Sun) and 10/12 (Sat), skips 10/1–10/7.
        Assert.Equal(D("2024-10-23"), _calendar.AddWorkingDays(D("2024-09-20"), 20));
    }

    [Fact]
    public void Across_2024_spring_festival_lands_on_make_up_sunday()
    {
        // 2/9 (除夕) is a working day in 2024; 2/10–2/17 off; Sun 2/18 is a make-up day.
        Assert.Equal(D("2024-02-09"), _calendar.AddWorkingDays(D("2024-02-08"), 1));
        Assert.Equal(D("2024-02-18"), _calendar.AddWorkingDays(D("2024-02-08"), 2));
    }

    [Fact]
    public void Across_2025_spring_festival()
    {
        // Sat 1/25 skipped, Sun 1/26 make-up (1), Mon 1/27 (2), 1/28–2/4 off, Wed 2/5 (3).
        Assert.Equal(D("2025-02-05"), _calendar.AddWorkingDays(D("2025-01-24"), 3));
    }

    [Fact]
    public void Negative_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(D("2024-01-01"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.ExplainWorkingDays(D("2024-01-01"), -1));
    }
}
