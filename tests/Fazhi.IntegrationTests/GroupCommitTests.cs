using System.Diagnostics.Metrics;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Concurrent commands are saved together in group-commit transactions: each must still get its own outcome,
/// its own audit entry (with its own caller) and its own outbox event, and one refused command must not fail others.
/// </summary>
public sealed class GroupCommitTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410130";

    [Fact]
    public async Task Concurrent_commands_of_different_callers_each_get_their_own_outcome_and_audit_entry()
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => system.Cases.ReceiveAsync(Org, "2024-04-01")));
        var accepted = await system.Cases.ReceiveAsync(Org, "2024-04-01");
        await system.Cases.AcceptAsync(accepted.Id, "2024-04-02");
        var otherOrg = await system.Cases.ReceiveAsync("410131", "2024-04-01");

        var largestBatch = 0;
        using var listener = ListenToBatchSizes(size => InterlockedMax(ref largestBatch, size));

        var legal = cases.Select((c, i) => Clerk($"clerk-{i}").AcceptCaseAsync(
            new AcceptCaseRequest { Id = c.Id, AcceptedOn = "2024-04-03", Procedure = Procedure.Ordinary }).ResponseAsync).ToList();
        var acceptedTwice = Clerk("clerk-twice").AcceptCaseAsync(new AcceptCaseRequest { Id = accepted.Id, AcceptedOn = "2024-04-03", Procedure = Procedure.Ordinary }).ResponseAsync;
        var unknown = Clerk("clerk-unknown").AcceptCaseAsync(new AcceptCaseRequest { Id = Guid.CreateVersion7().ToString(), AcceptedOn = "2024-04-03", Procedure = Procedure.Ordinary }).ResponseAsync;
        var outOfScope = Clerk("clerk-scope").AcceptCaseAsync(new AcceptCaseRequest { Id = otherOrg.Id, AcceptedOn = "2024-04-03", Procedure = Procedure.Ordinary }).ResponseAsync;

        var results = await Task.WhenAll(legal);
        Assert.All(results, r => Assert.Equal((CaseStatus.Accepted, 2L), (r.Status, r.Version)));
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => acceptedTwice)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => unknown)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => outOfScope)).StatusCode);
        Assert.True(largestBatch > 1, $"33 concurrent commands were saved one transaction each (largest batch {largestBatch})");

        // Each acceptance is audited under the clerk who sent it; the refused ones left no audit entry or event.
        var actors = await AcceptanceActorsAsync();
        for (var i = 0; i < cases.Length; i++) Assert.Equal($"clerk-{i}", actors[cases[i].Id]);
        Assert.False(actors.ContainsKey(otherOrg.Id));
        Assert.Equal(2, await system.OutboxRowsAsync(accepted.Id));
        Assert.Equal(1, await system.OutboxRowsAsync(otherOrg.Id));
        foreach (var c in cases) Assert.Equal(2, await system.OutboxRowsAsync(c.Id));
    }

    [Fact]
    public async Task Concurrent_commands_on_one_case_are_all_applied_one_version_each()
    {
        var created = await system.Cases.ReceiveAsync(Org, "2024-05-06");
        await system.Cases.AcceptAsync(created.Id, "2024-05-07");

        var days = Enumerable.Range(8, 12).Select(d => $"2024-05-{d:00}").ToList();
        await Task.WhenAll(days.Select(day => system.Cases.HearAsync(created.Id, day)));

        var current = await system.Cases.Client.GetCaseAsync(new GetCaseRequest { Id = created.Id });
        Assert.Equal(2 + days.Count, current.Version);
        Assert.Equal(days, current.HearingDates);

        var history = await system.Cases.Client.GetCaseHistoryAsync(new GetCaseRequest { Id = created.Id });
        Assert.Equal(Enumerable.Range(1, 2 + days.Count).Select(v => (long)v), history.Entries.Select(e => e.Version));
        Assert.Equal(2 + days.Count, await system.OutboxRowsAsync(created.Id));
    }

    private ReconsiderationCases.ReconsiderationCasesClient Clerk(string userId) => new(system.Reconsideration.Grpc(
        DevTokens.Mint(userId, FazhiRoles.ReconsiderationClerk, Org, FazhiSystem.SigningKey, TimeSpan.FromHours(1))));

    private static MeterListener ListenToBatchSizes(Action<int> onBatch)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "fazhi.group_commit.commands") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => onBatch(size));
        listener.Start();
        return listener;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private async Task<Dictionary<string, string>> AcceptanceActorsAsync()
    {
        await using var connection = new NpgsqlConnection(system.ReconsiderationConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT entity_id::text, actor FROM audit_entries WHERE action = 'AcceptCase' AND actor_org = @org", connection);
        query.Parameters.AddWithValue("org", Org);
        var actors = new Dictionary<string, string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) actors.Add(reader.GetString(0), reader.GetString(1));
        return actors;
    }
}
