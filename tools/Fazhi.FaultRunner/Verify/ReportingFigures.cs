using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.FaultRunner.Verify;

/// <summary>
/// Reporting's own answer, read as any statistics viewer reads it: <c>GET /v1/reports/{org}/years/{year}:ytd?asOf=…</c>
/// with a token of that organisation, the <c>metrics</c> of the answer.
/// </summary>
public sealed class ReportingFigures(SystemUnderTest system) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = HttpBase.Of(system.Rest[Services.Reporting]), Timeout = TimeSpan.FromSeconds(30) };
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    /// <summary>How often a read refused for a passing reason (no connection, a 5xx while reporting restarts) is tried.</summary>
    private const int Attempts = 5;

    public async Task<Dictionary<string, double>> YearToDateAsync(string org, int year, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReadAsync(org, year, ct);
            }
            catch (HttpRequestException) when (attempt < Attempts)
            {
                // Reporting restarting after a fault: the audit waits a moment rather than report it as a difference.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task<Dictionary<string, double>> ReadAsync(string org, int year, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/reports/{org}/years/{year}:ytd?asOf={year}-12-31");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(org));
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode >= 500)
            throw new HttpRequestException($"Reporting answered {(int)response.StatusCode} to the YTD of {org} {year}: {body}", null, response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Reporting answered {(int)response.StatusCode} to the YTD of {org} {year}: {body}");
        using var json = JsonDocument.Parse(body);
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!json.RootElement.TryGetProperty("metrics", out var metrics)) return figures;
        foreach (var metric in metrics.EnumerateObject())
        {
            // Protobuf's JSON writes NaN and infinities as strings; a number is the normal case.
            figures[metric.Name] = metric.Value.ValueKind == JsonValueKind.Number
                ? metric.Value.GetDouble()
                : double.Parse(metric.Value.GetString() ?? "NaN", CultureInfo.InvariantCulture);
        }
        return figures;
    }

    private string TokenFor(string org)
    {
        if (!_tokens.TryGetValue(org, out var token))
        {
            _tokens[org] = token = DevTokens.Mint("fault-runner", FazhiRoles.StatisticsViewer, org, system.SigningKey, TimeSpan.FromHours(12));
        }
        return token;
    }

    public void Dispose() => _http.Dispose();
}
