using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Fazhi.Demo.Plan;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.Demo.Client;

/// <summary>
/// Reads each district's year-to-date figures from reporting (<c>GET /v1/reports/{org}/years/{year}:ytd</c>) and compares
/// them, key by key, with what the plan should give (<see cref="PlanFigures"/>) — the year itself in <c>metrics</c> and the
/// year before in <c>previousPeriod</c>. Events reach reporting asynchronously, so it waits (up to a timeout) for the
/// figures to settle before judging.
/// </summary>
public sealed class FigureCheck(ApiClient reporting, DemoTokens tokens, TextWriter log)
{
    private const double Tolerance = 1e-9;

    public sealed record Row(string Org, string Key, double Expected, double? Actual, bool Previous)
    {
        public bool Ok => Actual is { } a && Math.Abs(a - Expected) <= Tolerance * Math.Max(1, Math.Abs(Expected));
    }

    /// <summary>Every row compared; the check passed when all are <see cref="Row.Ok"/>.</summary>
    public async Task<List<Row>> RunAsync(DemoPlan plan, int year, TimeSpan wait, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        List<Row> rows;
        while (true)
        {
            rows = [];
            foreach (var district in plan.Districts) rows.AddRange(await CompareAsync(district, year, ct));
            if (rows.All(r => r.Ok) || clock.Elapsed > wait) break;
            log.WriteLine($"[check] reporting has {rows.Count(r => r.Ok)}/{rows.Count} figures as planned; waiting for the rest ({clock.Elapsed.TotalSeconds:0}s)");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
        Print(rows);
        await PrintCityAsync(plan, year, ct);
        return rows;
    }

    private async Task<List<Row>> CompareAsync(DistrictPlan district, int year, CancellationToken ct)
    {
        var ytd = await ReadAsync(district.Org, year, ct);
        var rows = new List<Row>();
        foreach (var (key, expected) in PlanFigures.For(district, year))
            rows.Add(new Row(district.Org, key, expected, Value(ytd, "metrics", key), Previous: false));
        foreach (var (key, expected) in PlanFigures.For(district, year - 1))
            rows.Add(new Row(district.Org, key, expected, Value(ytd, "previousPeriod", key), Previous: true));
        return rows;
    }

    private Task<JsonElement> ReadAsync(string org, int year, CancellationToken ct) =>
        reporting.GetAsync($"v1/reports/{org}/years/{year}:ytd?asOf={year}-12-31", tokens.For(FazhiRoles.StatisticsViewer, org), ct);

    private static double? Value(JsonElement ytd, string section, string key) =>
        ytd.TryGetProperty(section, out var metrics) && metrics.TryGetProperty(key, out var v) ? v.GetDouble() : null;

    private void Print(List<Row> rows)
    {
        foreach (var group in rows.GroupBy(r => (r.Org, r.Previous)))
        {
            log.WriteLine();
            log.WriteLine(group.Key.Previous ? $"{group.Key.Org}, previous year (previousPeriod):" : $"{group.Key.Org}:");
            log.WriteLine($"  {"key",-58} {"expected",12} {"actual",12}");
            foreach (var row in group)
            {
                log.WriteLine($"  {row.Key,-58} {Format(row.Expected),12} {(row.Actual is { } a ? Format(a) : "missing"),12}{(row.Ok ? "" : "   <-- MISMATCH")}");
            }
        }
        log.WriteLine();
    }

    /// <summary>The city (the districts' common prefix) for information: other data logged under it would add to it.</summary>
    private async Task PrintCityAsync(DemoPlan plan, int year, CancellationToken ct)
    {
        var city = plan.Districts[0].Org[..4];
        if (plan.Districts.Any(d => !d.Org.StartsWith(city, StringComparison.Ordinal))) return;
        var ytd = await ReadAsync(city, year, ct);
        var sum = PlanFigures.Sum(plan.Districts.Select(d => PlanFigures.For(d, year)));
        log.WriteLine($"City {city} (sum of the demo's districts; anything else logged under {city} adds to it):");
        foreach (var key in new[] { "reconsideration.received", "reconsideration.decided", "litigation.first_instance_received",
                     "enforcement.files_reviewed", "enforcement.campaign_problems_rectified", "disclosure.proactively_published", "disclosure.requests_received" })
        {
            log.WriteLine($"  {key,-58} {Format(sum.GetValueOrDefault(key)),12} {(Value(ytd, "metrics", key) is { } a ? Format(a) : "missing"),12}");
        }
    }

    private static string Format(double value) =>
        value == Math.Floor(value) ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.######", CultureInfo.InvariantCulture);
}
