using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Fazhi.FaultRunner;
using Fazhi.FaultRunner.Injection;
using Fazhi.FaultRunner.Verify;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.IntegrationTests.FaultRunner;

/// <summary>
/// The fault runner's end-of-run audit (issue 16) against a real system: the true figures recomputed from the four
/// domain databases equal reporting's; a count taken out of reporting behind its back, or a case's applied version
/// removed, is reported as exactly that; and real events published again (duplicates, older after newer) are all
/// seen and ignored, changing no figure and dead-lettering nothing. In the process-wide-metrics collection because it
/// counts the projector's measurements.
/// </summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class FaultRunnerAuditTests(FaultRunnerSystem system, ITestOutputHelper output) : IClassFixture<FaultRunnerSystem>
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_true_figures_of_every_org_and_year_equal_reportings_and_every_case_is_caught_up()
    {
        var result = await AuditAsync(CatchUp);

        Assert.Empty(result.CasesBehind);
        Assert.Empty(result.Differences);
        Assert.True(result.Ok);
        // Every published key of every source, for each org and year.
        var keys = ReportSources.Registered().Compose(new Dictionary<string, long>()).Count;
        Assert.True(keys > 50, $"only {keys} keys");
        Assert.Equal(FaultRunnerSystem.Orgs.Length * FaultRunnerSystem.Years.Length * keys, result.Compared);
    }

    [Fact]
    public async Task A_count_lost_from_reportings_counters_is_reported_as_exactly_that_difference()
    {
        Assert.True((await AuditAsync(CatchUp)).Ok);
        const string org = "410102";
        var day = new DateOnly(2024, 5, 6); // the receipt of one of 410102's cases
        var mirror = system.Reporting.Services.GetRequiredService<CounterMirror>();
        // Reporting answers from its in-memory mirror of the counters: the row and the mirror lose the count together.
        await ChangeCounterAsync(org, ReconsiderationMetrics.Received, day, -1);
        mirror.Apply([new Contribution(org, ReconsiderationMetrics.Received, day, -1)]);
        try
        {
            var result = await AuditAsync(TimeSpan.FromSeconds(5));

            Assert.Empty(result.CasesBehind);
            string[] expected =
            [
                "410102 2024 reconsideration.received: true 4, reporting 3 (\u22121)",
                "4101 2024 reconsideration.received: true 8, reporting 7 (\u22121)",
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), result.Differences.Order(StringComparer.Ordinal));
        }
        finally
        {
            await ChangeCounterAsync(org, ReconsiderationMetrics.Received, day, +1);
            mirror.Apply([new Contribution(org, ReconsiderationMetrics.Received, day, +1)]);
        }
        Assert.True((await AuditAsync(CatchUp)).Ok);
    }

    [Fact]
    public async Task A_case_whose_applied_version_reporting_lost_is_named_by_case()
    {
        Assert.True((await AuditAsync(CatchUp)).Ok);
        await using var connection = new NpgsqlConnection(system.ReportingConnectionString);
        await connection.OpenAsync();
        (Guid CaseId, long Version, string Contributions, DateTimeOffset UpdatedAt) row;
        await using (var pick = new NpgsqlCommand(
            "SELECT case_id, version, contributions::text, updated_at FROM projected_cases WHERE source = 'litigation' ORDER BY case_id LIMIT 1", connection))
        await using (var reader = await pick.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            row = (reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        }
        await using (var delete = new NpgsqlCommand("DELETE FROM projected_cases WHERE source = 'litigation' AND case_id = @id", connection))
        {
            delete.Parameters.AddWithValue("id", row.CaseId);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }
        try
        {
            var result = await AuditAsync(TimeSpan.FromSeconds(2));

            var behind = Assert.Single(result.CasesBehind);
            Assert.StartsWith($"litigation case {row.CaseId} (", behind);
            Assert.EndsWith($"domain version {row.Version}, reporting has none", behind);
            Assert.Empty(result.Differences); // the counters still hold its contributions
        }
        finally
        {
            await using var restore = new NpgsqlCommand(
                "INSERT INTO projected_cases (case_id, source, version, contributions, updated_at) VALUES (@id, 'litigation', @version, @contributions::json, @at)",
                connection);
            restore.Parameters.AddWithValue("id", row.CaseId);
            restore.Parameters.AddWithValue("version", row.Version);
            restore.Parameters.AddWithValue("contributions", row.Contributions);
            restore.Parameters.AddWithValue("at", row.UpdatedAt);
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await AuditAsync(CatchUp)).Ok);
    }

    [Fact]
    public async Task Replayed_events_are_all_seen_and_ignored_and_change_no_figure()
    {
        Assert.True((await AuditAsync(CatchUp)).Ok);
        const int perService = 15;
        // Reporting may apply an event a moment before its relay marks the row sent: count once nothing is pending.
        var sent = new List<int>();
        foreach (var service in Services.Domain) sent.Add(await SentRowsOnceNonePendingAsync(system.Under.Databases[service]));
        Assert.All(sent, count => Assert.True(count > 0));
        var rows = sent.Sum(count => Math.Min(perService, count));
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = Listen(seen, "fazhi.reporting.versions_applied", "fazhi.reporting.versions_ignored");

        var log = new StringWriter();
        var published = await new EventInjector(system.Under, log).ReplayAsync(perService, CancellationToken.None);

        // Each row once as a message of its own, then each service's rows packed into one message.
        Assert.Equal(rows + Services.Domain.Count, published);
        // Every replayed version reached the projector (twice each) and was ignored as not newer than the stored one.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (seen.GetValueOrDefault("fazhi.reporting.versions_ignored") < 2 * rows && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(2 * rows, seen.GetValueOrDefault("fazhi.reporting.versions_ignored"));
        Assert.Equal(0, seen.GetValueOrDefault("fazhi.reporting.versions_applied"));

        var result = await AuditAsync(CatchUp);
        Assert.True(result.Ok, string.Join("\n", result.Differences.Concat(result.CasesBehind)));
        var deadLetters = await DeadLetterAudit.RunAsync(system.Under, CancellationToken.None);
        Assert.Equal((0, 0), (deadLetters.Total, deadLetters.Hostile));
        Assert.Empty(deadLetters.Unexpected);
        // The injector only publishes: every queue of the virtual host is one of reporting's.
        using var rabbit = new RabbitManagement(await TestServers.GetAsync(), system.Under.Amqp.ToString());
        Assert.All(await rabbit.QueueNamesAsync(), queue => Assert.StartsWith("reporting-", queue));
        output.WriteLine(log.ToString());
    }

    private async Task<FigureAuditResult> AuditAsync(TimeSpan catchUp)
    {
        var log = new StringWriter();
        var result = await FigureAudit.RunAsync(system.Under, FaultRunnerSystem.Orgs, FaultRunnerSystem.Years, catchUp, log, CancellationToken.None);
        output.WriteLine(log.ToString());
        return result;
    }

    private async Task ChangeCounterAsync(string org, string metric, DateOnly day, int delta)
    {
        await using var connection = new NpgsqlConnection(system.ReportingConnectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE daily_counters SET value = value + @delta WHERE org = @org AND metric = @metric AND day = @day", connection);
        update.Parameters.AddWithValue("delta", (long)delta);
        update.Parameters.AddWithValue("org", org);
        update.Parameters.AddWithValue("metric", metric);
        update.Parameters.AddWithValue("day", day);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private static async Task<int> SentRowsOnceNonePendingAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE sent_at IS NULL) FROM outbox_messages", connection);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (sent, pending) = (reader.GetInt64(0), reader.GetInt64(1));
            if (pending == 0 || DateTime.UtcNow > deadline)
            {
                Assert.Equal(0, pending);
                return (int)sent;
            }
            await reader.DisposeAsync();
            await Task.Delay(100);
        }
    }

    private static MeterListener Listen(ConcurrentDictionary<string, long> totals, params string[] instruments)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == "Fazhi" && instruments.Contains(i.Name)) l.EnableMeasurementEvents(i);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.Start();
        return listener;
    }
}
