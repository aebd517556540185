using System.Diagnostics;
using Fazhi.Bench.Measurement;

namespace Fazhi.Bench.Workloads.Overload;

/// <summary>
/// Every create of one load phase by outcome: acknowledged (with its requestId and the case id the API answered),
/// refused at once as overloaded (its requestId, and whether it carried a retry hint), or another error (its outcome
/// unknown to the client). The ledger check compares these lists with the database. Calls complete on many threads at
/// once, hence the lock; at a few thousand calls a second it costs nothing measurable.
/// </summary>
public sealed class CreateOutcomes(TimeSpan duration)
{
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    // Per second of the phase (and up to a minute after it, for calls still in flight at its end).
    private readonly long[] _attemptsBySecond = new long[(int)duration.TotalSeconds + 60];
    private readonly long[] _acceptedBySecond = new long[(int)duration.TotalSeconds + 60];
    private readonly long[] _refusedBySecond = new long[(int)duration.TotalSeconds + 60];

    public List<(Guid RequestId, Guid CaseId)> Acknowledged { get; } = [];
    public List<Guid> Refused { get; } = [];
    public List<Guid> Unknown { get; } = [];
    public Latencies AcceptedLatencies { get; } = new();
    public Latencies RefusedLatencies { get; } = new();
    public long RefusedWithoutRetryHint { get; private set; }
    public TimeSpan? RetryHint { get; private set; }
    public Dictionary<string, long> OtherErrors { get; } = [];
    public string? FirstOtherError { get; private set; }
    /// <summary>Arrivals the generator skipped because it already had its most calls in flight (open loop only).</summary>
    public long NotSent;
    /// <summary>The most calls in flight at once (open loop only; approximate: dispatchers update it without a lock).</summary>
    public int PeakInFlight;

    public long Attempts => Acknowledged.Count + Refused.Count + Unknown.Count;
    public long OtherErrorCount => OtherErrors.Values.Sum();

    public void Attempted(long startTimestamp) => Interlocked.Increment(ref _attemptsBySecond[Second(startTimestamp)]);

    public void Accept(Guid requestId, Guid caseId, long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        lock (_gate)
        {
            Acknowledged.Add((requestId, caseId));
            AcceptedLatencies.AddElapsed(TimeSpan.FromSeconds((double)elapsed / Stopwatch.Frequency));
            _acceptedBySecond[Second(Stopwatch.GetTimestamp())]++;
        }
    }

    public void Refuse(Guid requestId, TimeSpan? retryHint, long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        lock (_gate)
        {
            Refused.Add(requestId);
            RefusedLatencies.AddElapsed(TimeSpan.FromSeconds((double)elapsed / Stopwatch.Frequency));
            _refusedBySecond[Second(Stopwatch.GetTimestamp())]++;
            if (retryHint is not { } hint || hint <= TimeSpan.Zero) RefusedWithoutRetryHint++;
            else RetryHint ??= hint;
        }
    }

    public void Fail(Guid requestId, string kind, string message)
    {
        lock (_gate)
        {
            Unknown.Add(requestId);
            OtherErrors[kind] = OtherErrors.GetValueOrDefault(kind) + 1;
            FirstOtherError ??= $"{kind}: {message}";
        }
    }

    /// <summary>Attempts (by start), acknowledgements and refusals (by answer) in the seconds [from, to) of the phase.</summary>
    public (long Attempts, long Accepted, long Refused) Window(int from, int to)
    {
        lock (_gate)
        {
            long Sum(long[] counts) => counts.Skip(from).Take(to - from).Sum();
            return (Sum(_attemptsBySecond), Sum(_acceptedBySecond), Sum(_refusedBySecond));
        }
    }

    public string OtherErrorSummary() => OtherErrorCount == 0
        ? "0 other errors"
        : $"{OtherErrorCount} other errors ({string.Join(", ", OtherErrors.Select(e => $"{e.Key} {e.Value}"))}; first: {FirstOtherError})";

    private int Second(long timestamp) =>
        Math.Clamp((int)((timestamp - _started) / Stopwatch.Frequency), 0, _attemptsBySecond.Length - 1);
}
