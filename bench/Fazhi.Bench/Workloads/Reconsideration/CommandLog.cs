using Fazhi.Bench.Measurement;
using Grpc.Core;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>What one client did: per-command latencies, successes by command, errors by gRPC status. Not shared.</summary>
public sealed class CommandLog
{
    private readonly long[] _succeeded = new long[Enum.GetValues<Command>().Length];

    public Latencies Latencies { get; } = new();
    public Dictionary<StatusCode, long> Errors { get; } = [];
    public string? FirstError { get; private set; }

    public long Succeeded => _succeeded.Sum();
    public long SucceededOf(Command command) => _succeeded[(int)command];

    public void Success(Command command, long startTimestamp)
    {
        Latencies.Add(startTimestamp);
        _succeeded[(int)command]++;
    }

    public void Failure(Command command, RpcException error)
    {
        Errors[error.StatusCode] = Errors.GetValueOrDefault(error.StatusCode) + 1;
        FirstError ??= $"{command}: {error.StatusCode} {error.Status.Detail}";
    }
}

/// <summary>The clients' logs of one load, merged.</summary>
public sealed record LoadResult(IReadOnlyList<CommandLog> Logs, TimeSpan Elapsed)
{
    public long Succeeded => Logs.Sum(l => l.Succeeded);
    public long Failed => Logs.Sum(l => l.Errors.Values.Sum());
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;
    public double[] SortedLatencyMs() => Latencies.SortedMilliseconds(Logs.Select(l => l.Latencies));
    public long SucceededOf(Command command) => Logs.Sum(l => l.SucceededOf(command));

    public string ErrorSummary() => Failed == 0
        ? "0 errors"
        : $"{Failed} errors ({string.Join(", ", Logs.SelectMany(l => l.Errors).GroupBy(e => e.Key).Select(g => $"{g.Key} {g.Sum(e => e.Value)}"))}; first: {Logs.Select(l => l.FirstError).FirstOrDefault(e => e is not null)})";

    public string Mix()
    {
        var total = Math.Max(1, Succeeded);
        return string.Join(", ", Enum.GetValues<Command>().Where(c => SucceededOf(c) > 0)
            .Select(c => $"{c.ToString().ToLowerInvariant()} {100.0 * SucceededOf(c) / total:0}%"));
    }
}
