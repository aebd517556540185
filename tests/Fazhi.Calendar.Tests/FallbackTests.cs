using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class FallbackTests
{
    private readonly WorkingDayCalendar _calendar = WorkingDayCalendar.Default;

    [Fact]
    public void Years_without_data_are_reported_and_use_monday_to_friday()
    {
        Assert.False(_calendar.HasScheduleFor(2030));
        Assert.True(_calendar.HasScheduleFor(2026));

        // 2030-01-01 will surely be 元旦, but without a notice it is judged as a plain Tuesday.
        Assert.True(_calendar.IsWorkingDay(D("2030-01-01")));
        Assert.False(_calendar.IsWorkingDay(D("2030-01-05"))); // Sat
        Assert.Equal(D("2030-01-07"), _calendar.AddWorkingDays(D("2030-01-03"), 2));
    }

    [Fact]
    public void Explanation_flags_deadlines_that_ran_into_an_unscheduled_year()
    {
        var explanation = _calendar.ExplainWorkingDays(D("2026-12-21"), 15);

        Assert.Equal([2027], explanation.UnscheduledYears);
        Assert.Equal(D("2027-01-11"), explanation.Due);
    }

    [Fact]
    public void Neighbouring_year_days_listed_by_a_notice_are_not_reported_as_unscheduled()
    {
        // 2023's notice lists 2022-12-31 in its 元旦 block; loaded alone, 2022 has no schedule, yet that day is known.
        const string only2023 = """
            { "version": "t", "years": { "2023": { "source": "t",
              "holidays": [ { "date": "2022-12-31", "name": "元旦" }, { "date": "2023-01-01", "name": "元旦" }, { "date": "2023-01-02", "name": "元旦" } ],
              "workingWeekends": [] } } }
            """;
        var calendar = WorkingDayCalendar.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(only2023)));
        var explanation = calendar.ExplainCalendarDays(D("2022-12-30"), 1);

        Assert.False(calendar.HasScheduleFor(2022));
        Assert.Equal(D("2023-01-03"), explanation.Due);
        Assert.Empty(explanation.UnscheduledYears);
        Assert.Equal("元旦", explanation.SkippedDays[0].Reason);
    }

    [Fact]
    public void The_2022_schedule_is_shipped_for_cases_carried_into_2023()
    {
        Assert.True(_calendar.HasScheduleFor(2022));
        Assert.False(_calendar.IsWorkingDay(D("2022-10-07"))); // Fri, 国庆节
        Assert.True(_calendar.IsWorkingDay(D("2022-10-08")));  // Sat, 国庆调休
        Assert.Equal(D("2022-02-09"), _calendar.AddWorkingDays(D("2022-01-28"), 5)); // 1-29, 1-30 make-up days; 春节 skipped
    }
}
