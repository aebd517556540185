using System.Text;
using Fazhi.Calendar;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>A new holiday schedule moves open deadlines from the day it is loaded; a year without one is flagged.</summary>
public class CalendarTests
{
    // A schedule in which 2024-04-30 is a holiday: a deadline on 4/30 moves to 5/1.
    private static readonly WorkingDayCalendar Amended = WorkingDayCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes("""
        { "version": "test-amended", "years": {
          "2024": { "source": "test", "holidays": [ { "date": "2024-04-30", "name": "测试假日" } ], "workingWeekends": [] } } }
        """)));

    [Fact]
    public void A_new_schedule_recomputes_an_open_deadline_from_the_day_it_is_loaded()
    {
        var c = Accepted(acceptedOn: "2024-03-01"); // due 4/30 under the shipped schedule
        var version = c.Version;

        Assert.True(c.AdoptCalendar(Amended, D("2024-05-03")));

        Assert.Equal(version + 1, c.Version);
        Assert.Equal("test-amended", c.CalendarVersion);
        Assert.Equal(D("2024-05-01"), c.Deadline);
        // Before 5/3 the shipped schedule was in force: 5/1 and 5/2 stay overdue days.
        Assert.True(c.IsOverdueOn(D("2024-05-01")));
        Assert.True(c.IsOverdueOn(D("2024-05-03")));
        Assert.False(c.AdoptCalendar(Amended, D("2024-05-04")));
    }

    [Fact]
    public void Decided_cases_keep_their_deadlines_when_a_schedule_changes()
    {
        var c = Decided();
        Assert.False(c.AdoptCalendar(Amended, D("2024-05-03")));
        Assert.Equal(WorkingDays.Version, c.CalendarVersion);
    }

    [Fact]
    public void A_date_in_a_year_with_no_schedule_is_flagged_on_the_case()
    {
        var c = Received("2027-03-01", today: D("2027-03-02"));
        Assert.Contains("2027", c.CalendarWarning);
        Assert.Null(Received("2024-02-26").CalendarWarning);
    }
}
