using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class ExplanationTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Working_day_explanation_lists_every_skipped_day_with_its_holiday()
    {
        var explanation = _calendar.ExplainWorkingDays(D("2023-09-28"), 5);

        Assert.Equal(D("2023-10-11"), explanation.Due);
        Assert.Equal("cn-2026.2", explanation.Version);
        Assert.Empty(explanation.UnscheduledYears);
        var expected = Enumerable.Range(0, 8)
            .Select(i => new SkippedDay(D("2023-09-29").AddDays(i), "中秋节、国庆节"));
        Assert.Equal(expected, explanation.SkippedDays);
    }

    [Fact]
    public void Working_day_explanation_names_plain_weekends()
    {
        var explanation = _calendar.ExplainWorkingDays(D("2024-03-14"), 3); // Thu → Fri, (Sat, Sun), Mon, Tue

        Assert.Equal(D("2024-03-19"), explanation.Due);
        Assert.Equal(
            [new SkippedDay(D("2024-03-16"), SkippedDay.WeekendReason), new SkippedDay(D("2024-03-17"), SkippedDay.WeekendReason)],
            explanation.SkippedDays);
    }

    [Fact]
    public void Calendar_day_explanation_lists_only_the_days_the_end_was_moved_past()
    {
        var explanation = _calendar.ExplainCalendarDays(D("2023-08-02"), 60);

        Assert.Equal(D("2023-10-07"), explanation.Due);
        // 9/29 and 9/30 lie inside the period and count; only 10/1–10/6 postpone the end.
        Assert.Equal(6, explanation.SkippedDays.Count);
        Assert.Equal(D("2023-10-01"), explanation.SkippedDays[0].Date);
        Assert.Equal(D("2023-10-06"), explanation.SkippedDays[^1].Date);
        Assert.All(explanation.SkippedDays, s => Assert.Equal("中秋节、国庆节", s.Reason));
    }

    [Fact]
    public void Calendar_day_explanation_is_empty_when_nothing_was_skipped()
    {
        var explanation = _calendar.ExplainCalendarDays(D("2024-03-01"), 14);

        Assert.Equal(D("2024-03-15"), explanation.Due);
        Assert.Empty(explanation.SkippedDays);
    }

    [Fact]
    public void Explanation_agrees_with_the_plain_methods()
    {
        var start = D("2025-09-26");
        Assert.Equal(_calendar.AddWorkingDays(start, 20), _calendar.ExplainWorkingDays(start, 20).Due);
        Assert.Equal(_calendar.AddCalendarDays(start, 5), _calendar.ExplainCalendarDays(start, 5).Due);
        Assert.Equal(D("2025-10-09"), _calendar.AddCalendarDays(start, 5)); // 10/1 → after 国庆中秋 (to 10/8)
    }
}
