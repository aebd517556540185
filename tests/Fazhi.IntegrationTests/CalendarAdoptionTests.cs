using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit;
using static Fazhi.IntegrationTests.ReconsiderationLawApiTests;

namespace Fazhi.IntegrationTests;

/// <summary>A new holiday schedule loaded at start-up: open cases are recomputed from that day and re-published.</summary>
public sealed class CalendarAdoptionTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task A_new_holiday_schedule_recomputes_open_cases_from_today_and_republishes_them()
    {
        var open = await system.Cases.ReceiveAsync("410107", "2024-02-26");
        await system.Cases.AcceptAsync(open.Id, "2024-03-01"); // due 4/30 under the shipped schedule
        var decided = await system.Cases.DecidedCaseAsync("410107", "2024-02-26", "2024-03-01", "2024-04-01", Decision.Maintain);
        await system.Reports.WaitForAsync("410107", 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);

        var path = Path.Combine(Path.GetTempPath(), $"fazhi-calendar-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "version": "test-amended", "years": {
              "2024": { "source": "test", "holidays": [ { "date": "2024-04-30", "name": "测试假日" } ], "workingWeekends": [] } } }
            """);
        try
        {
            await system.RestartReconsiderationAsync(relayEnabled: true, calendarPath: path);

            var adopted = await PollAsync(() => system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = open.Id }).ResponseAsync,
                c => c.CalendarVersion == "test-amended");
            Assert.Equal("2024-05-01", adopted.Deadline);
            Assert.Equal(3, adopted.Version);
            Assert.Equal("AdoptCalendar", (await system.Cases.Client.GetCaseHistoryAsync(new GetCaseRequest { Id = open.Id })).Entries[^1].Action);
            var untouched = await system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = decided.Id });
            Assert.Equal(decided.Version, untouched.Version);

            // Reporting applied the new version, and the days before the schedule was loaded kept their figures.
            await PollAsync(() => ProjectedVersionAsync(open.Id), v => v == 3);
            var pastDay = await system.Reports.YtdAsync("410107", 2024, "2024-05-01");
            Assert.Equal(1, pastDay.Metrics["reconsideration.overdue"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<long> ProjectedVersionAsync(string caseId)
    {
        await using var connection = new NpgsqlConnection(system.ReportingConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM projected_cases WHERE case_id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(caseId));
        return (long)(await command.ExecuteScalarAsync())!;
    }

}
