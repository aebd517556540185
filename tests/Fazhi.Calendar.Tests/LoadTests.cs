using System.Text;
using static Fazhi.Calendar.Tests.TestDates;

namespace Fazhi.Calendar.Tests;

public class LoadTests
{
    private const string Custom = """
        {
          // Comments are allowed: the file is hand-maintained configuration.
          "version": "test-1",
          "years": {
            "2023": {
              "source": "test fixture",
              "holidays": [ { "date": "2023-01-03", "name": "测试假日" } ],
              "workingWeekends": [ { "date": "2023-01-07", "name": "测试调休" } ]
            }
          }
        }
        """;

    private static WorkingDayCalendar Parse(string json) =>
        WorkingDayCalendar.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Custom_json_replaces_the_default_schedule()
    {
        var calendar = Parse(Custom);

        Assert.Equal("test-1", calendar.Version);
        Assert.False(calendar.IsWorkingDay(D("2023-01-03")));  // custom holiday
        Assert.True(calendar.IsWorkingDay(D("2023-01-07")));   // custom make-up Saturday
        Assert.True(calendar.IsWorkingDay(D("2023-01-02")));   // 元旦 in the default, not in the custom data
        Assert.False(calendar.IsWorkingDay(D("2023-01-28")));  // make-up day in the default only
        Assert.False(WorkingDayCalendar.Default.IsWorkingDay(D("2023-01-02")));
        Assert.False(calendar.HasScheduleFor(2024));

        var explanation = calendar.ExplainWorkingDays(D("2023-01-02"), 1);
        Assert.Equal(D("2023-01-04"), explanation.Due);
        Assert.Equal("test-1", explanation.Version);
        Assert.Equal([new SkippedDay(D("2023-01-03"), "测试假日")], explanation.SkippedDays);
    }

    [Fact]
    public void From_file_reads_the_same_format()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fazhi-calendar-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Custom);
        try
        {
            var calendar = WorkingDayCalendar.FromFile(path);
            Assert.Equal("test-1", calendar.Version);
            Assert.False(calendar.IsWorkingDay(D("2023-01-03")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "years": {} }""")] // no version
    [InlineData("""{ "version": "x" }""")] // no years
    [InlineData("""{ "version": "x", "years": { "20x3": {} } }""")]
    [InlineData("""{ "version": "x", "years": { "2023": { "holidays": [ { "date": "2023/01/03", "name": "a" } ] } } }""")]
    [InlineData("""{ "version": "x", "years": { "2023": { "holidays": [ { "date": "2023-01-03" } ] } } }""")] // no name
    [InlineData("""{ "version": "x", "years": { "2023": { "holidays": [ { "date": "2024-10-01", "name": "typo year" } ] } } }""")]
    [InlineData("""{ "version": "x", "years": { "2023": { "workingWeekends": [ { "date": "2023-01-04", "name": "a Wednesday" } ] } } }""")]
    [InlineData("""{ "version": "x", "years": { "2023": { "holidays": [ { "date": "2023-01-03", "name": "a" } ], "workingWeekends": [ { "date": "2023-01-03", "name": "b" } ] } } }""")]
    [InlineData("""{ "version": "x", "years": { "2023": { "holiday": [] } } }""")] // misspelt property
    public void Invalid_calendar_data_is_rejected(string json)
    {
        Assert.Throws<InvalidDataException>(() => Parse(json));
    }

    [Fact]
    public void Notice_days_in_the_neighbouring_december_are_accepted()
    {
        var calendar = Parse("""
            { "version": "x", "years": { "2019": {
                "workingWeekends": [ { "date": "2018-12-29", "name": "元旦调休上班" } ] } } }
            """);

        Assert.True(calendar.IsWorkingDay(D("2018-12-29")));
    }

    [Fact]
    public void Null_or_missing_sources_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => WorkingDayCalendar.Load(null!));
        Assert.Throws<FileNotFoundException>(() => WorkingDayCalendar.FromFile(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json")));
    }
}
