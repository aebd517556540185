using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Past the group commit's queue (GroupCommit:QueueCapacity) a command is refused at once through the public API,
/// RESOURCE_EXHAUSTED over gRPC and 429 over JSON, each SERVICE_OVERLOADED with a retry hint, and nothing of it is
/// written, while the commands already queued are saved once the writer moves again. The service runs with a queue of
/// two and its writer held, so "full" is exact rather than a matter of load; the bench's overload workload shows the
/// same under real load.
/// </summary>
public sealed class GroupCommitOverloadTests() : HeldWriterService(Org, new Dictionary<string, string?>
{
    ["GroupCommit:QueueCapacity"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    private const string Org = "410132";
    private const int QueueCapacity = 2;
    private const int Refusals = 5;

    [Fact]
    public async Task A_full_queue_refuses_at_once_with_a_retry_hint_and_writes_nothing()
    {
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org);
        var client = new ReconsiderationCases.ReconsiderationCasesClient(Host.Grpc(token));
        var (blocker, hold) = await HoldTheWriterAsync();
        await using var _ = blocker;

        var inFlight = Create(client);
        await WaitForTheWriterToBlockAsync();

        // The queue takes two; every other create finds it full, and is answered while nothing can be saved.
        var waiting = Enumerable.Range(0, QueueCapacity + Refusals).Select(_ => Create(client)).ToList();
        var refused = new List<string>();
        while (refused.Count < Refusals)
        {
            var done = await Task.WhenAny(waiting.Select(c => c.Call)).WaitAsync(TimeSpan.FromSeconds(30));
            var call = waiting.Single(c => c.Call == done);
            waiting.Remove(call);
            AssertOverloaded(await Assert.ThrowsAsync<RpcException>(() => call.Call));
            refused.Add(call.RequestId);
        }
        Assert.Equal(QueueCapacity, waiting.Count);

        // Over JSON the same refusal is HTTP 429 with the same reason and retry hint in the body.
        var (jsonRequestId, response) = await CreateOverJsonAsync(token);
        using (response) await AssertOverloadedAsync(response);
        refused.Add(jsonRequestId);

        // Every refusal came while the writer was still held: refused at once, not after waiting for room.
        Assert.False(inFlight.Call.IsCompleted);
        Assert.All(waiting, c => Assert.False(c.Call.IsCompleted));

        await hold.RollbackAsync();
        var accepted = waiting.Append(inFlight).ToList();
        foreach (var call in accepted) Assert.Equal(call.RequestId, (await call.Call.WaitAsync(TimeSpan.FromSeconds(30))).RequestId);

        // The accepted ones are saved with their event; of the refused ones there is no case, audit entry or event.
        Assert.Equal(accepted.Select(c => c.RequestId).Order(), (await RequestIdsAsync()).Order());
        Assert.Equal(accepted.Count, await CountAsync("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(accepted.Count, await CountAsync("SELECT count(*) FROM audit_entries"));
    }
}
