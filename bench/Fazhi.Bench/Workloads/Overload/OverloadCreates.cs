using System.Diagnostics;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Workloads.Reconsideration;
using Fazhi.Contracts.Reconsideration;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Fazhi.Bench.Workloads.Overload;

/// <summary>
/// Creates in one organisation of their own, each with a fresh requestId, over gRPC, either closed-loop (N clients
/// one call after another: the service's capacity) or open-loop (arrivals at a fixed rate whatever the answers: an
/// overload). A refused create is never retried: the ledger then knows it must not exist.
/// </summary>
public sealed class OverloadCreates(GrpcChannel channel, string token)
{
    /// <summary>No other workload writes here, so the database and reporting figures of this org are this workload's alone.</summary>
    public const string Org = "410198";

    private readonly ReconsiderationCases.ReconsiderationCasesClient _client = new(channel);
    private readonly Metadata _headers = new() { { "authorization", "Bearer " + token } };
    private static readonly string[] Orgs = [Org];

    /// <summary><paramref name="clients"/> clients creating one case after another until <paramref name="duration"/> is over.</summary>
    public async Task<TimeSpan> ClosedLoopAsync(CreateOutcomes log, int clients, TimeSpan duration, int seed, CancellationToken cancellationToken)
    {
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            var random = new Random(seed + i);
            while (!stop.IsCancellationRequested) await CreateAsync(CaseScript.Next(random, Orgs), log, cancellationToken);
        }, cancellationToken)));
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Arrivals at <paramref name="rate"/> a second for <paramref name="duration"/>, each a call of its own that nobody
    /// waits for before sending the next: how many callers a service has does not shrink when it slows down. Several
    /// dispatchers share the pacing so that starting calls is not one thread's job. At most
    /// <paramref name="maxInFlight"/> calls at once (a guard for the load generator; skipped arrivals are counted).
    /// Returns once every call sent has its answer.
    /// </summary>
    public async Task<TimeSpan> OpenLoopAsync(
        CreateOutcomes log, double rate, TimeSpan duration, int maxInFlight, int seed, CancellationToken cancellationToken)
    {
        var bucket = new TokenBucket(rate, burst: 50);
        using var stop = new CancellationTokenSource(duration);
        var inFlight = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var random = new Random(seed + i);
            while (true)
            {
                await bucket.TakeAsync(cancellationToken);
                if (stop.IsCancellationRequested) return;
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    Interlocked.Increment(ref log.NotSent);
                    continue;
                }
                var now = Interlocked.Increment(ref inFlight);
                if (now > Volatile.Read(ref log.PeakInFlight)) Volatile.Write(ref log.PeakInFlight, now);
                _ = SendAsync(CaseScript.Next(random, Orgs));
            }
        }, cancellationToken)));
        var sent = Stopwatch.GetElapsedTime(started);
        while (Volatile.Read(ref inFlight) > 0) await Task.Delay(10, cancellationToken);
        return sent;

        async Task SendAsync(CaseScript script)
        {
            try
            {
                await CreateAsync(script, log, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    private async Task CreateAsync(CaseScript script, CreateOutcomes log, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid();
        var start = Stopwatch.GetTimestamp();
        log.Attempted(start);
        try
        {
            // A deadline, so that a stuck call fails the run instead of hanging it (it then counts as an other error).
            var created = await _client.CreateCaseAsync(new CreateCaseRequest
            {
                RequestId = requestId.ToString(),
                Org = script.Org,
                ReceivedOn = CaseCommands.Date(script.ReceivedOn),
                ApplicantType = script.ApplicantType,
                Category = script.Category,
                Respondent = script.Respondent,
                Summary = "bench overload",
            }, new CallOptions(_headers, DateTime.UtcNow.AddSeconds(30), cancellationToken));
            log.Accept(requestId, Guid.Parse(created.Id), start);
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.ResourceExhausted)
        {
            log.Refuse(requestId, refused.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan(), start);
        }
        catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
        {
            log.Fail(requestId, $"gRPC {error.StatusCode}", error.Status.Detail);
        }
    }
}
