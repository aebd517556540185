using System.Diagnostics;
using Fazhi.Bench.Measurement;

namespace Fazhi.Bench.Workloads.Overload;

/// <summary>
/// A process's resident memory (VmRSS from /proc) every quarter second while a phase runs: its peak, and its peak in
/// each stretch of the phase, which tells memory that is bounded (flat after the first seconds) from memory that grows.
/// </summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double Seconds, double Mb)> _samples = [];
    private readonly Task _loop;

    public RssSampler(int pid)
    {
        var started = Stopwatch.GetTimestamp();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            do
            {
                if (ProcStats.RssMb(pid) is { } mb)
                    lock (_samples) _samples.Add((Stopwatch.GetElapsedTime(started).TotalSeconds, mb));
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
        });
    }

    public double PeakMb
    {
        get { lock (_samples) return _samples.Count == 0 ? double.NaN : _samples.Max(s => s.Mb); }
    }

    /// <summary>The peak in seconds [from, to) of the phase; NaN if no sample fell there.</summary>
    public double PeakMbBetween(double from, double to)
    {
        lock (_samples)
        {
            var inside = _samples.Where(s => s.Seconds >= from && s.Seconds < to).ToList();
            return inside.Count == 0 ? double.NaN : inside.Max(s => s.Mb);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
