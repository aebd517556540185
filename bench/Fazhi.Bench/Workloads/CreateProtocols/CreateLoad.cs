using System.Diagnostics;
using Fazhi.Bench.Measurement;
using Fazhi.Bench.Workloads.Reconsideration;
using Grpc.Core;

namespace Fazhi.Bench.Workloads.CreateProtocols;

/// <summary>
/// N clients creating cases one after another, flat out, until <c>stop</c>; calls in flight finish and are counted.
/// Each client logs its own latencies and errors (no shared state on the hot path); merged afterwards.
/// </summary>
public static class CreateLoad
{
    public sealed class ClientLog
    {
        public Latencies Latencies { get; } = new();
        public Dictionary<string, long> Errors { get; } = [];
        public string? FirstError { get; set; }
    }

    public sealed record Result(IReadOnlyList<ClientLog> Logs, TimeSpan Elapsed)
    {
        public long Succeeded => Logs.Sum(l => l.Latencies.Count);
        public long Failed => Logs.Sum(l => l.Errors.Values.Sum());
        public double PerSecond => Succeeded / Elapsed.TotalSeconds;
        public double[] SortedLatencyMs() => Latencies.SortedMilliseconds(Logs.Select(l => l.Latencies));

        public string ErrorSummary() => Failed == 0
            ? "0 errors"
            : $"{Failed} errors ({string.Join(", ", Logs.SelectMany(l => l.Errors).GroupBy(e => e.Key).Select(g => $"{g.Key} {g.Sum(e => e.Value)}"))}; "
              + $"first: {Logs.Select(l => l.FirstError).FirstOrDefault(e => e is not null)})";
    }

    public static async Task<Result> RunAsync(
        Func<CaseScript, CancellationToken, Task> create, int clients, int seed, CancellationToken stop, CancellationToken abort)
    {
        var logs = Enumerable.Range(0, clients).Select(_ => new ClientLog()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(logs.Select((log, i) => Task.Run(() => ClientAsync(create, log, new Random(seed + i), stop, abort), abort)));
        return new Result(logs, Stopwatch.GetElapsedTime(started));
    }

    private static async Task ClientAsync(
        Func<CaseScript, CancellationToken, Task> create, ClientLog log, Random random, CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var script = CaseScript.Next(random, CaseScript.Districts);
            var start = Stopwatch.GetTimestamp();
            try
            {
                await create(script, abort);
                log.Latencies.Add(start);
            }
            catch (Exception error) when (!abort.IsCancellationRequested && error is RpcException or HttpRequestException or CreateFailedException or TaskCanceledException)
            {
                var kind = error switch
                {
                    RpcException rpc => $"gRPC {rpc.StatusCode}",
                    CreateFailedException http => http.Kind,
                    _ => error.GetType().Name,
                };
                log.Errors[kind] = log.Errors.GetValueOrDefault(kind) + 1;
                log.FirstError ??= $"{kind}: {error.Message}";
            }
        }
    }
}
