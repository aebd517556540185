using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Queries;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// Metrics month by month for a year and the year before, computed on the server so the page only draws them: each
/// month is its own period (1st to the last day, or the as-of date in the as-of month), so a count is that month's,
/// a state (pending) is as at the month's end and a rate is over the month's own counts.
/// </summary>
public sealed class MonthlyFigures(YearToDateQuery ytd, YearToDateReports reports)
{
    /// <summary>What the dashboard's charts show when the request names no metrics.</summary>
    public static readonly string[] DashboardMetrics =
    [
        ReconsiderationMetrics.Received, ReconsiderationMetrics.Decided, LitigationMetrics.FirstInstanceReceived,
        EnforcementMetrics.FilesReviewed, DisclosureMetrics.RequestsReceived,
    ];

    public async Task<MonthlyReport> BuildAsync(string org, int year, IReadOnlyCollection<string> metrics, InputCheck check, CancellationToken cancellationToken)
    {
        var wanted = metrics.Count == 0 ? DashboardMetrics : metrics.Distinct().ToArray();
        var asOf = reports.PeriodEnd(year);
        var current = await MonthsAsync(org, year, asOf, cancellationToken);
        var previous = await MonthsAsync(org, year - 1, new DateOnly(year - 1, 12, 31), cancellationToken);

        var unknown = wanted.Where(m => !current[0].ContainsKey(m)).ToList();
        if (unknown.Count > 0) check.Fail("metrics", $"unknown metric keys: {string.Join(", ", unknown)} (docs/api.md lists them)");
        check.ThrowIfInvalid();

        var report = new MonthlyReport { Org = org, Year = year, AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var metric in wanted)
        {
            var series = new MonthlySeries { Metric = metric };
            series.Current.AddRange(current.Select(m => m.GetValueOrDefault(metric)));
            series.Previous.AddRange(previous.Select(m => m.GetValueOrDefault(metric)));
            report.Series.Add(series);
        }
        return report;
    }

    /// <summary>Twelve months of figures; the months after <paramref name="asOf"/> are empty (every key 0).</summary>
    private async Task<List<IReadOnlyDictionary<string, double>>> MonthsAsync(string org, int year, DateOnly asOf, CancellationToken cancellationToken)
    {
        var months = new List<IReadOnlyDictionary<string, double>>(12);
        for (var month = 1; month <= 12; month++)
        {
            var from = new DateOnly(year, month, 1);
            var to = from.AddMonths(1).AddDays(-1);
            if (from > asOf)
            {
                months.Add(months[0].ToDictionary(kv => kv.Key, _ => 0.0));
                continue;
            }
            months.Add(await ytd.FiguresAsync(org, from, to < asOf ? to : asOf, cancellationToken));
        }
        return months;
    }
}
