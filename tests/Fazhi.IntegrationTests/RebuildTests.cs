using System.Net.Http.Json;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Queries;
using Fazhi.ServiceDefaults.Auth;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>Emptying the reporting store and rebuilding it from re-published state gives back exactly the live figures.</summary>
public sealed class RebuildTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private static readonly string[] Orgs = ["410102", "410103", "410105"];

    [Fact]
    public async Task Rebuilt_figures_equal_the_live_ones()
    {
        var expectedCases = 0;
        for (var i = 0; i < 60; i++)
        {
            var org = Orgs[i % Orgs.Length];
            var received = new DateOnly(2023, 10, 1).AddDays(i * 3);
            var created = await system.Cases.ReceiveAsync(org, D(received));
            expectedCases++;
            if (i % 7 == 6) { await system.Cases.RejectAsync(created.Id, D(received.AddDays(2))); continue; }
            await system.Cases.AcceptAsync(created.Id, D(received.AddDays(2)), i % 2 == 0 ? Procedure.Simplified : Procedure.Ordinary);
            if (i % 5 == 0) await system.Cases.HearAsync(created.Id, D(received.AddDays(10)));
            if (i % 4 != 3) await system.Cases.DecideAsync(created.Id, D(received.AddDays(25)), i % 3 == 0 ? Decision.Revoke : Decision.Maintain);
            if (i % 11 == 0) await system.Cases.Client.VoidCaseAsync(new VoidCaseRequest { Id = created.Id, Reason = "重复录入" });
        }
        await WaitUntilAllAppliedAsync(expectedCases);
        var live = await FiguresAsync();
        var liveCounters = await CountersAsync();
        Assert.NotEqual(0, live["4101/2024"]["reconsideration.decided"]);

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        var reset = await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { });
        reset.EnsureSuccessStatusCode();
        Assert.All((await FiguresAsync()).Values.SelectMany(f => f.Values), v => Assert.Equal(0, v));

        var republish = await system.Reconsideration.Http(admin).PostAsJsonAsync("v1/reconsideration/admin:republish", new { pageSize = 7 });
        republish.EnsureSuccessStatusCode();
        var body = await republish.Content.ReadFromJsonAsync<RepublishAnswer>();
        Assert.Equal(expectedCases, body!.Cases);
        Assert.Equal((expectedCases + 6) / 7, body.Messages);

        await WaitUntilAllAppliedAsync(expectedCases);
        Assert.Equal(live, await FiguresAsync());
        Assert.Equal(liveCounters, await CountersAsync());
    }

    [Fact]
    public async Task Only_administrators_may_reset_or_republish()
    {
        var viewer = FazhiSystem.Token(FazhiRoles.StatisticsViewer, "41");
        var clerk = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await system.Reporting.Http(viewer).PostAsJsonAsync("v1/reports/admin:reset", new { })).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await system.Reconsideration.Http(clerk).PostAsJsonAsync("v1/reconsideration/admin:republish", new { })).StatusCode);
    }

    private sealed record RepublishAnswer(long Cases, int Messages);

    /// <summary>The YTD figures of each district and the city for 2023 and 2024, from memory and from the database alike.</summary>
    private async Task<Dictionary<string, Dictionary<string, double>>> FiguresAsync()
    {
        var query = system.Reporting.Services.GetRequiredService<YearToDateQuery>();
        var figures = new Dictionary<string, Dictionary<string, double>>();
        foreach (var org in Orgs.Append("4101"))
        {
            foreach (var year in new[] { 2023, 2024 })
            {
                var asOf = new DateOnly(year, 12, 31);
                var fromMemory = await query.FiguresAsync(org, new DateOnly(year, 1, 1), asOf, CancellationToken.None);
                var fromDatabase = await query.FiguresFromDatabaseAsync(org, new DateOnly(year, 1, 1), asOf, CancellationToken.None);
                Assert.Equal(fromDatabase, fromMemory);
                figures[$"{org}/{year}"] = new Dictionary<string, double>(fromMemory);
            }
        }
        return figures;
    }

    private async Task<List<string>> CountersAsync()
    {
        await using var connection = new NpgsqlConnection(system.ReportingConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT org, metric, day, value FROM daily_counters WHERE value <> 0 ORDER BY 1, 2, 3", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetFieldValue<DateOnly>(2)} {reader.GetInt64(3)}");
        return rows;
    }

    /// <summary>Waits until reporting holds every case at the version the reconsideration service has.</summary>
    private async Task WaitUntilAllAppliedAsync(int cases)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var source = await ScalarAsync(system.ReconsiderationConnectionString, "SELECT coalesce(sum(version), 0)::bigint FROM cases");
            var projected = await ScalarAsync(system.ReportingConnectionString, "SELECT coalesce(sum(version), 0)::bigint FROM projected_cases WHERE source = 'reconsideration'");
            var count = await ScalarAsync(system.ReportingConnectionString, "SELECT count(*) FROM projected_cases WHERE source = 'reconsideration'");
            if (source == projected && count == cases) return;
            Assert.True(DateTime.UtcNow < deadline, $"reporting did not catch up: versions {projected} of {source}, cases {count} of {cases}");
            await Task.Delay(50);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
