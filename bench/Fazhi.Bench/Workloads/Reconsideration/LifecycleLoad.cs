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
    /// <summary>One case's life as a client runs it: its commands in order, each run against the case made by the first.</summary>
    public interface ILifecycle
    {
        IEnumerable<Command> Commands();

        Task RunAsync(Command command, CancellationToken cancellationToken);
    }

    /// <summary>Reconsideration cases: create → accept → maybe hear → decide.</summary>
    public static Task<LoadResult> RunAsync(
        CaseCommands commands, int clients, IReadOnlyList<string> orgs, TokenBucket? pacer, int seed,
        CancellationToken stop, CancellationToken abort) =>
        RunAsync(random => new ReconsiderationLifecycle(commands, CaseScript.Next(random, orgs)), clients, pacer, seed, stop, abort);

    /// <summary>Cases of any service, each client taking one case after another through <paramref name="next"/>.</summary>
    public static async Task<LoadResult> RunAsync(
        Func<Random, ILifecycle> next, int clients, TokenBucket? pacer, int seed, CancellationToken stop, CancellationToken abort)
    {
        var logs = Enumerable.Range(0, clients).Select(_ => new CommandLog()).ToArray();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(logs.Select((log, i) =>
            Task.Run(() => ClientAsync(next, log, new Random(seed + i), pacer, stop, abort), abort)));
        return new LoadResult(logs, Stopwatch.GetElapsedTime(started));
    }

    private static async Task ClientAsync(
        Func<Random, ILifecycle> next, CommandLog log, Random random, TokenBucket? pacer, CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var lifecycle = next(random);
            foreach (var command in lifecycle.Commands())
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
                    await lifecycle.RunAsync(command, abort);
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

    private sealed class ReconsiderationLifecycle(CaseCommands commands, CaseScript script) : ILifecycle
    {
        private string? _id;

        public IEnumerable<Command> Commands() => script.Commands();

        public async Task RunAsync(Command command, CancellationToken cancellationToken) =>
            _id = await commands.RunAsync(command, script, _id, cancellationToken);
    }
}
