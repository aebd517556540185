using System.Globalization;
using System.Text.Json;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>The reporting service's year-to-date route over HTTP JSON, as a dashboard reads it.</summary>
public sealed class YtdReader(HttpClient reporting)
{
    public static string Path(string org, int year, DateOnly asOf) =>
        string.Create(CultureInfo.InvariantCulture, $"/v1/reports/{org}/years/{year}:ytd?asOf={asOf:yyyy-MM-dd}");

    /// <summary>The report's current-period metrics (a metric with no counters yet is absent, i.e. 0).</summary>
    public async Task<Dictionary<string, double>> MetricsAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await reporting.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await new StreamReader(body).ReadToEndAsync(cancellationToken)}");
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var metrics = new Dictionary<string, double>();
        if (json.RootElement.TryGetProperty("metrics", out var element))
            foreach (var metric in element.EnumerateObject()) metrics[metric.Name] = metric.Value.GetDouble();
        return metrics;
    }

    public async Task<double> MetricAsync(string path, string metric, CancellationToken cancellationToken) =>
        (await MetricsAsync(path, cancellationToken)).GetValueOrDefault(metric);
}
