using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Queries;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// The year-to-date snapshot of an organisation (prefix) and year, as GetYearToDate answers it and as the live
/// dashboard streams it: figures from 1 January to the as-of date, and the same span of the previous year (去年同期).
/// </summary>
public sealed class YearToDateReports(YearToDateQuery ytd, BusinessClock clock)
{
    /// <summary>The checks every YTD route makes on its org and year (the year may not lie in the future).</summary>
    public (string Org, int Year) CheckOrgAndYear(InputCheck check, string? org, int year) =>
        (check.OrgPrefix("org", org), check.Range("year", year, 1990, clock.Today().Year));

    /// <summary>The last day counted: <paramref name="asOf"/>, else today for the current year, else 31 December.</summary>
    public DateOnly PeriodEnd(int year, DateOnly? asOf = null)
    {
        var today = clock.Today();
        return asOf ?? (year == today.Year ? today : new DateOnly(year, 12, 31));
    }

    public async Task<YearToDateReport> BuildAsync(string org, int year, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var periodEnd = PeriodEnd(year, asOf);
        var previousEnd = periodEnd.AddYears(-1);
        var current = ytd.FiguresAsync(org, new DateOnly(year, 1, 1), periodEnd, cancellationToken);
        var previous = ytd.FiguresAsync(org, new DateOnly(year - 1, 1, 1), previousEnd, cancellationToken);

        var report = new YearToDateReport
        {
            Org = org,
            Year = year,
            AsOf = periodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PreviousAsOf = previousEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        report.Metrics.Add(await current);
        report.PreviousPeriod.Add(await previous);
        return report;
    }
}
