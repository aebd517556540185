using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>Reads the YTD figures the way a dashboard does: JSON over HTTP.</summary>
public sealed class ReportingApi(HttpClient http)
{
    public sealed record Ytd(string Org, int Year, string AsOf, Dictionary<string, double> Metrics, Dictionary<string, double> PreviousPeriod);

    public async Task<Ytd> YtdAsync(string org, int year, string? asOf = null)
    {
        var url = $"v1/reports/{org}/years/{year}:ytd" + (asOf is null ? "" : $"?asOf={asOf}");
        var ytd = await http.GetFromJsonAsync<Ytd>(url, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return ytd ?? throw new InvalidOperationException("empty YTD response");
    }

    /// <summary>Polls until the figures satisfy <paramref name="expected"/>: events reach reporting asynchronously.</summary>
    public async Task<Ytd> WaitForAsync(string org, int year, string asOf, Func<Ytd, bool> expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var ytd = await YtdAsync(org, year, asOf);
            if (expected(ytd) || DateTime.UtcNow > deadline) return ytd;
            await Task.Delay(50);
        }
    }
}
