using System.Diagnostics;
using Fazhi.Bench.Measurement;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>Sequential timing of one query, after a warm-up, as one dashboard user would see it.</summary>
public static class QueryTimer
{
    /// <summary>GETs <paramref name="path"/> on a keep-alive client; each sample includes reading the whole body.</summary>
    public static async Task<double[]> HttpAsync(HttpClient http, string path, int warmup, int count, CancellationToken cancellationToken)
    {
        var uri = new Uri(path, UriKind.Relative);
        var latencies = new Latencies();
        for (var i = 0; i < warmup + count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(uri, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode}");
            if (i >= warmup) latencies.Add(start);
        }
        return Latencies.SortedMilliseconds([latencies]);
    }

    public static async Task<(double[] SortedMs, T Last)> RepeatAsync<T>(Func<CancellationToken, Task<T>> query, int warmup, int count, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        T last = default!;
        for (var i = 0; i < warmup + count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            last = await query(cancellationToken);
            if (i >= warmup) latencies.Add(start);
        }
        return (Latencies.SortedMilliseconds([latencies]), last);
    }
}
