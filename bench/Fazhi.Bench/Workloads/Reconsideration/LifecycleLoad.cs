using System.Diagnostics;
using Fazhi.Bench.Measurement;
using Grpc.Core;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// N concurrent clients, each taking cases through their whole life (create → accept → maybe hear → decide), either
/// flat out or paced together by a token bucket. <c>stop</c> ends the load between commands: calls in flight are
/// allowed to finish, so every command the server committed is counted. <c>abort</c> (Ctrl+C) cancels them.
/// </summary>
public static class LifecycleLoad
{
    public static async Task<LoadResult> RunAsync(
        CaseCommands commands, int clients, IReadOnlyList<string> orgs, TokenBucket? pacer, int seed,
        CancellationToken stop, CancellationToken abort)
    {
        var logs = Enumerable.Range(0, clients).Select(_ => new CommandLog()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(logs.Select((log, i) =>
            Task.Run(() => ClientAsync(commands, log, new Random(seed + i), orgs, pacer, stop, abort), abort)));
        return new LoadResult(logs, Stopwatch.GetElapsedTime(started));
    }

    private static async Task ClientAsync(
        CaseCommands commands, CommandLog log, Random random, IReadOnlyList<string> orgs, TokenBucket? pacer,
        CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var script = CaseScript.Next(random, orgs);
            string? id = null;
            foreach (var command in script.Commands())
            {
                if (pacer is not null)
                {
                    try
                    {
                        await pacer.TakeAsync(stop);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
                if (stop.IsCancellationRequested) return;

                var start = Stopwatch.GetTimestamp();
                try
                {
                    id = await commands.RunAsync(command, script, id, abort);
                    log.Success(command, start);
                }
                catch (RpcException error) when (!abort.IsCancellationRequested)
                {
                    // The case cannot go on legally without this step: start the next one.
                    log.Failure(command, error);
                    break;
                }
            }
        }
    }
}
