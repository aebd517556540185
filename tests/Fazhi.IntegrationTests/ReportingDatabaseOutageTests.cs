using System.Diagnostics;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Extensions;
using Fazhi.Reporting.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Issue 16: reporting's database refusing connections for ~18 s while cases are written. A transient fault must
/// never dead-letter a valid event: the messages stay queued, and every figure arrives by itself once the database
/// is back. (Before, four short retries in ~3 s sent them to the _error queue for good.)
/// </summary>
public sealed class ReportingDatabaseOutageTests(FazhiSystem system, ITestOutputHelper output) : IClassFixture<FazhiSystem>
{
    private const string Org = "410186";
    private const string AsOf = "2024-12-31";

    [Fact]
    public async Task Events_written_while_reportings_database_refuses_connections_all_arrive_when_it_returns_and_none_is_dead_lettered()
    {
        // Warm: the path works and the consumers' connections are pooled before the database goes away.
        await system.Cases.DecidedCaseAsync(Org, "2024-03-01", "2024-03-04", "2024-04-01", Decision.Maintain);
        var before = await system.Reports.WaitForAsync(Org, 2024, AsOf, y => y.Metrics["reconsideration.decided"] == 1);
        Assert.Equal(1, before.Metrics["reconsideration.decided"]);

        // A second reporting instance on the same queues, stopped in the middle of the outage (a rolling restart):
        // the messages it holds in retry must go back to the queue, not to _error, and its stop must not wait for the
        // database. It commits nothing (the database is away from the start), so the first instance's figures are whole.
        var second = await StartReportingAsync();
        const int cases = 12;
        var outage = Stopwatch.StartNew();
        var secondStopped = TimeSpan.Zero;
        await RefuseConnectionsAsync(system.ReportingDatabase, refuse: true);
        try
        {
            for (var i = 0; i < cases; i++)
            {
                var decision = i % 3 == 0 ? Decision.Revoke : Decision.Maintain;
                await system.Cases.DecidedCaseAsync(Org, "2024-05-06", "2024-05-08", "2024-06-03", decision);
            }
            // Longer than the old retries (~3.3 s) by far; the figures cannot move while the database is away.
            while (outage.Elapsed < TimeSpan.FromSeconds(18))
            {
                if (second is not null && outage.Elapsed > TimeSpan.FromSeconds(5))
                {
                    var stopping = Stopwatch.StartNew();
                    await second.DisposeAsync();
                    secondStopped = stopping.Elapsed;
                    second = null;
                }
                await Task.Delay(1000);
                Assert.Equal(1, (await system.Reports.YtdAsync(Org, 2024, AsOf)).Metrics["reconsideration.received"]);
            }
        }
        finally
        {
            await RefuseConnectionsAsync(system.ReportingDatabase, refuse: false);
            if (second is not null) await second.DisposeAsync();
        }
        output.WriteLine($"second reporting instance stopped in {secondStopped.TotalMilliseconds:0} ms during the outage");
        // ConsumerStopTimeout (10 s) bounds it; without it the stop waits on retries that last as long as the database
        // is away (it returns only after this loop) until the host's 30 s shutdown timeout: measured 30.0 s.
        Assert.True(secondStopped > TimeSpan.Zero && secondStopped < TimeSpan.FromSeconds(20), $"stopping took {secondStopped}");
        var back = Stopwatch.StartNew();

        var after = await system.Reports.WaitForAsync(Org, 2024, AsOf,
            y => y.Metrics["reconsideration.decided"] == 1 + cases, TimeSpan.FromSeconds(25));
        output.WriteLine($"outage {outage.Elapsed.TotalSeconds - back.Elapsed.TotalSeconds:0.0} s; every figure back {back.Elapsed.TotalMilliseconds:0} ms after the database returned");
        Assert.Equal(1 + cases, after.Metrics["reconsideration.received"]);
        Assert.Equal(1 + cases, after.Metrics["reconsideration.accepted"]);
        Assert.Equal(1 + cases, after.Metrics["reconsideration.decided"]);
        Assert.Equal(cases / 3, after.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(0, after.Metrics["reconsideration.pending"]);
        // Backoff is capped at 5 s: the consumers resume within that (plus the figures' own latency) of the return.
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(12), $"figures arrived {back.Elapsed} after the database returned");

        using var rabbit = await ManagementAsync();
        var queues = await rabbit.QueueNamesAsync();
        Assert.Contains(queues, q => q.StartsWith("reporting-", StringComparison.Ordinal));
        foreach (var errorQueue in queues.Where(q => q.EndsWith("_error", StringComparison.Ordinal)))
            Assert.Equal(0, await rabbit.PeekCountAsync(errorQueue));
    }

    [Fact]
    public void MassTransit_usage_telemetry_is_off_in_every_service()
    {
        foreach (var host in new[] { system.Reconsideration, system.Reporting })
        {
            Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
            // What the bus actually uses (the options, then MASSTRANSIT_USAGE_TELEMETRY if set): nothing is reported.
            var trackerType = typeof(UsageTelemetryOptionsExtensions).Assembly.GetType("MassTransit.UsageTracking.IUsageTracker");
            Assert.NotNull(trackerType);
            var tracker = host.Services.GetService(trackerType!);
            Assert.NotNull(tracker);
            Assert.Equal(false, tracker!.GetType().GetProperty("Enabled")!.GetValue(tracker));
        }
    }

    private Task<ServiceHost> StartReportingAsync()
    {
        var configuration = system.Reporting.Services.GetRequiredService<IConfiguration>();
        return ServiceHost.StartAsync(
            builder => builder.AddReportingService(),
            app => app.MapReportingService(),
            host => host.MigrateAsync<ReportingDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = system.ReportingConnectionString,
                ["ConnectionStrings:RabbitMq"] = configuration.GetConnectionString("RabbitMq"),
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
            });
    }

    private async Task<RabbitManagement> ManagementAsync()
    {
        var amqp = system.Reporting.Services.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq")!;
        return new RabbitManagement(await TestServers.GetAsync(), amqp);
    }

    /// <summary>Only this database refuses: new connections fail (55000, FATAL) and its open sessions are ended.</summary>
    private static async Task RefuseConnectionsAsync(string database, bool refuse)
    {
        var servers = await TestServers.GetAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(refuse ? "false" : "true")}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }
        if (!refuse) return;
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("db", database);
        await terminate.ExecuteScalarAsync();
    }
}
