using System.Diagnostics;

namespace Fazhi.Bench.Measurement;

/// <summary>
/// Latencies in Stopwatch ticks, appended by one client without locking; clients' logs are merged afterwards.
/// A growing long[] (not a list of objects) so recording costs no allocation per request.
/// </summary>
public sealed class Latencies
{
    private long[] _ticks = new long[4096];

    public int Count { get; private set; }

    public void Add(long startTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        if (Count == _ticks.Length) Array.Resize(ref _ticks, _ticks.Length * 2);
        _ticks[Count++] = elapsed;
    }

    public void AddElapsed(TimeSpan elapsed)
    {
        if (Count == _ticks.Length) Array.Resize(ref _ticks, _ticks.Length * 2);
        _ticks[Count++] = (long)(elapsed.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>All samples of several logs in milliseconds, sorted, ready for <see cref="Percentile"/>.</summary>
    public static double[] SortedMilliseconds(IEnumerable<Latencies> logs)
    {
        var all = logs.SelectMany(l => l._ticks.Take(l.Count)).Select(t => t * 1000.0 / Stopwatch.Frequency).ToArray();
        Array.Sort(all);
        return all;
    }

    /// <summary>Nearest-rank percentile of sorted samples (p99 of 100 samples is the 99th smallest).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
