using Fazhi.IntegrationTests.Infrastructure;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The relay packs a pass's case changes into one message; a row it cannot read holds back nothing else.</summary>
public sealed class OutboxPackingTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task An_unreadable_outbox_row_stays_pending_while_the_rows_beside_it_are_delivered()
    {
        const string org = "410192";
        await system.RestartReconsiderationAsync(relayEnabled: false);
        for (var i = 0; i < 3; i++) await system.Cases.ReceiveAsync(org, "2024-06-04");
        var badRow = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(system.ReconsiderationConnectionString))
        {
            await connection.OpenAsync();
            // Valid JSON, but not a case change: a caseId that is not a GUID.
            await using var insert = new NpgsqlCommand(
                "INSERT INTO outbox_messages (id, message_type, payload, created_at) VALUES (@id, 'ReconsiderationCaseChanged', '{\"caseId\": 5}', now())",
                connection);
            insert.Parameters.AddWithValue("id", badRow);
            await insert.ExecuteNonQueryAsync();
        }

        await system.RestartReconsiderationAsync(relayEnabled: true);
        var ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 3);
        Assert.Equal(3, ytd.Metrics["reconsideration.received"]);

        // The good rows are marked sent when the relay commits, which may be just after reporting counted them.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Guid> pending;
        while ((pending = await system.PendingOutboxRowsAsync()).Count != 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal([badRow], pending);
    }
}
