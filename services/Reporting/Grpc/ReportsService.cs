using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Queries;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Fazhi.Reporting.Grpc;

public sealed class ReportsService(YearToDateQuery ytd, ReportingStore store, ReportSources sources, BusinessClock clock) : Reports.ReportsBase
{
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<YearToDateReport> GetYearToDate(GetYearToDateRequest request, ServerCallContext context)
    {
        var today = clock.Today();
        var check = new InputCheck();
        var org = check.OrgPrefix("org", request.Org);
        var year = check.Range("year", request.Year, 1990, today.Year);
        var asOf = check.OptionalDate("asOf", request.AsOf);
        if (asOf is { } a && a.Year != request.Year) check.Fail("asOf", $"must be a date in {request.Year}");
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);

        var periodEnd = asOf ?? (year == today.Year ? today : new DateOnly(year, 12, 31));
        var previousEnd = periodEnd.AddYears(-1);
        var current = ytd.FiguresAsync(org, new DateOnly(year, 1, 1), periodEnd, context.CancellationToken);
        var previous = ytd.FiguresAsync(org, new DateOnly(year - 1, 1, 1), previousEnd, context.CancellationToken);

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

    [Authorize(Policy = AccessPolicies.Administer)]
    public override async Task<ResetStoreResponse> ResetStore(ResetStoreRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        if (request.Source.Length > 0 && !sources.Contains(request.Source))
            check.Fail("source", $"must be empty (everything) or one of: {string.Join(", ", sources.All.Select(s => s.Name))}");
        check.ThrowIfInvalid();
        return new ResetStoreResponse { CasesRemoved = await store.ResetAsync(request.Source, context.CancellationToken) };
    }
}
