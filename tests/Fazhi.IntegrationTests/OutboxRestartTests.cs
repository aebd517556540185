using Fazhi.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>Events written while nothing publishes them survive a restart; a re-publish after a crash is not counted twice.</summary>
public sealed class OutboxRestartTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Restart_with_unsent_outbox_rows_loses_nothing_and_a_republish_counts_nothing_twice()
    {
        const string org = "410191";
        // A service whose relay never runs: the write commits, the event stays pending, as after a crash.
        await system.RestartReconsiderationAsync(relayEnabled: false);
        for (var i = 0; i < 25; i++) await system.Cases.ReceiveAsync(org, "2024-06-03");

        Assert.Equal(25, (await system.PendingOutboxRowsAsync()).Count);
        await Task.Delay(300);
        Assert.Equal(0, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics["reconsideration.received"]);

        await system.RestartReconsiderationAsync(relayEnabled: true);
        var ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 25);
        Assert.Equal(25, ytd.Metrics["reconsideration.received"]);
        await WaitUntilAsync(async () => (await system.PendingOutboxRowsAsync()).Count == 0);

        // A crash after the broker confirmed but before the rows were marked sent: they are published again.
        await using (var connection = new NpgsqlConnection(system.ReconsiderationConnectionString))
        {
            await connection.OpenAsync();
            await using var unmark = new NpgsqlCommand("UPDATE outbox_messages SET sent_at = NULL", connection);
            Assert.Equal(25, await unmark.ExecuteNonQueryAsync());
        }
        await system.RestartReconsiderationAsync(relayEnabled: true);
        await WaitUntilAsync(async () => (await system.PendingOutboxRowsAsync()).Count == 0);
        await Task.Delay(1000);
        Assert.Equal(25, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics["reconsideration.received"]);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(50);
        }
    }
}
