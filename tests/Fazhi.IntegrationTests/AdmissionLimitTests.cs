using System.Net;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Grpc.Health.V1;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Past the admission limit (Admission:MaxConcurrentRequests) an API call is refused at once, before any work is done
/// for it: RESOURCE_EXHAUSTED over gRPC and 429 with Retry-After over JSON, each SERVICE_OVERLOADED with the same 1 s
/// retry hint as a full group-commit queue, and nothing of it is written; health probes still answer. The service
/// admits two calls and its writer is held, so the two admitted calls stay in progress and "full" is exact.
/// </summary>
public sealed class AdmissionLimitTests() : HeldWriterService(Org, new Dictionary<string, string?>
{
    ["Admission:MaxConcurrentRequests"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    private const string Org = "410133";
    private const int Permits = 2;
    private const int Extra = 6;

    [Fact]
    public async Task Calls_past_the_limit_are_refused_at_once_with_a_retry_hint_and_probes_still_answer()
    {
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org);
        var client = new ReconsiderationCases.ReconsiderationCasesClient(Host.Grpc(token));
        var (blocker, hold) = await HoldTheWriterAsync();
        await using var _ = blocker;

        var first = Create(client);
        await WaitForTheWriterToBlockAsync();

        // One more call finds the second permit free and waits in the writer's queue; the others find both taken.
        // Which of them gets it is a race, how many is not: no call can finish while the writer is held.
        var waiting = Enumerable.Range(0, Extra).Select(_ => Create(client)).ToList();
        var refused = new List<string>();
        while (refused.Count < Extra - (Permits - 1))
        {
            var done = await Task.WhenAny(waiting.Select(c => c.Call)).WaitAsync(TimeSpan.FromSeconds(30));
            var call = waiting.Single(c => c.Call == done);
            waiting.Remove(call);
            var info = AssertOverloaded(await Assert.ThrowsAsync<RpcException>(() => call.Call));
            Assert.Equal("admission", info?.Metadata["limit"]);
            Assert.Equal("reconsideration.fazhi.gov.cn", info?.Domain);
            refused.Add(call.RequestId);
        }
        Assert.Single(waiting);

        // Over JSON: HTTP 429 with Retry-After, and the body JSON transcoding writes for the queue's refusal.
        var (jsonRequestId, response) = await CreateOverJsonAsync(token);
        using (response)
        {
            await AssertOverloadedAsync(response);
            Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        }
        refused.Add(jsonRequestId);

        // Probes are not API calls: they answer while every permit is taken.
        using var ready = await Host.Http(null).GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var health = await new Health.HealthClient(Host.Grpc(null)).CheckAsync(new HealthCheckRequest { Service = "ready" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        // Every refusal came while the writer was still held.
        Assert.False(first.Call.IsCompleted);
        Assert.All(waiting, c => Assert.False(c.Call.IsCompleted));

        await hold.RollbackAsync();
        var accepted = waiting.Append(first).ToList();
        foreach (var call in accepted) Assert.Equal(call.RequestId, (await call.Call.WaitAsync(TimeSpan.FromSeconds(30))).RequestId);
        Assert.Equal(accepted.Select(c => c.RequestId).Order(), (await RequestIdsAsync()).Order());
        Assert.Equal(accepted.Count, await CountAsync("SELECT count(*) FROM audit_entries"));

        // With the permits back, a call is admitted again.
        var after = Create(client);
        Assert.Equal(after.RequestId, (await after.Call.WaitAsync(TimeSpan.FromSeconds(30))).RequestId);
    }
}
