using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Dashboard;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Fazhi.Reporting.Grpc;

public sealed class ReportsService(
    YearToDateReports reports, YearToDateWatch watch, MonthlyFigures monthly, ReportingStore store, ReportSources sources) : Reports.ReportsBase
{
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<YearToDateReport> GetYearToDate(GetYearToDateRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var (org, year) = reports.CheckOrgAndYear(check, request.Org, request.Year);
        var asOf = check.OptionalDate("asOf", request.AsOf);
        if (asOf is { } a && a.Year != request.Year) check.Fail("asOf", $"must be a date in {request.Year}");
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        return await reports.BuildAsync(org, year, asOf, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task WatchYearToDate(WatchYearToDateRequest request, IServerStreamWriter<YearToDateReport> responseStream, ServerCallContext context)
    {
        var check = new InputCheck();
        var (org, year) = reports.CheckOrgAndYear(check, request.Org, request.Year);
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        try
        {
            await foreach (var snapshot in watch.WatchAsync(org, year, context.CancellationToken))
            {
                await responseStream.WriteAsync(snapshot, context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client closed the stream (or its deadline passed): the normal end of a watch.
        }
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<MonthlyReport> GetMonthly(GetMonthlyRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var (org, year) = reports.CheckOrgAndYear(check, request.Org, request.Year);
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        return await monthly.BuildAsync(org, year, request.Metrics, check, context.CancellationToken);
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
