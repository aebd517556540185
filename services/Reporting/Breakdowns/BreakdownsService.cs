using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Fazhi.Reporting.Breakdowns;

/// <summary>
/// GET /v1/reports/{org}/years/{year}:enforcement-breakdown: the enforcement figures per department and per file type,
/// each row with the keys that make sense for it, composed from the rows' counters exactly as the totals are.
/// </summary>
public sealed class BreakdownsService(BreakdownQuery query, BusinessClock clock) : Contracts.Reporting.Breakdowns.BreakdownsBase
{
    private static readonly ReportSource<Contracts.IntegrationEvents.EnforcementCaseChanged> Enforcement = EnforcementSource.Create();

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<EnforcementBreakdown> GetEnforcementBreakdown(GetEnforcementBreakdownRequest request, ServerCallContext context)
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
        var rows = await query.RowsAsync(Enforcement.Name, org, new DateOnly(year, 1, 1), periodEnd,
            Enforcement.PeriodCounters, Enforcement.StateCounters, Enforcement.Compose, context.CancellationToken);

        var breakdown = new EnforcementBreakdown { Org = org, Year = year, AsOf = periodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        foreach (var row in rows.Where(r => r.Dimension.StartsWith(EnforcementMetrics.DepartmentPrefix, StringComparison.Ordinal))
                     .OrderBy(r => r.Label ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.Dimension, StringComparer.Ordinal))
        {
            var department = new EnforcementDepartmentRow
            {
                DepartmentId = row.Dimension[EnforcementMetrics.DepartmentPrefix.Length..], Name = row.Label ?? "", Org = row.Org ?? "",
            };
            foreach (var key in EnforcementMetrics.DepartmentKeys) department.Metrics[key] = row.Metrics[key];
            breakdown.Departments.Add(department);
        }
        foreach (var row in rows.Where(r => r.Dimension.StartsWith(EnforcementMetrics.FileTypePrefix, StringComparison.Ordinal))
                     .OrderBy(r => FileTypeOrder(r.Dimension[EnforcementMetrics.FileTypePrefix.Length..])).ThenBy(r => r.Dimension, StringComparer.Ordinal))
        {
            var fileType = new EnforcementFileTypeRow { FileType = row.Dimension[EnforcementMetrics.FileTypePrefix.Length..] };
            foreach (var key in EnforcementMetrics.FileTypeKeys) fileType.Metrics[key] = row.Metrics[key];
            breakdown.FileTypes.Add(fileType);
        }
        return breakdown;
    }

    /// <summary>The FileType enum's order (penalty, licensing, …); a name this build does not know goes last.</summary>
    private static int FileTypeOrder(string name) => Array.IndexOf(FileTypes, name) is var i and >= 0 ? i : int.MaxValue;

    private static readonly string[] FileTypes = Enum.GetValues<Contracts.Enforcement.FileType>().Select(v => ProtoEnum.Name(v)).ToArray();
}
