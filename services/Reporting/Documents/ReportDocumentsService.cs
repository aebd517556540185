using Fazhi.Contracts.Reporting;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Fazhi.Reporting.Documents;

/// <summary>The annual report and the disclosure report over gRPC and JSON transcoding; read access as for the YTD report.</summary>
public sealed class ReportDocumentsService(ReportDocumentsQuery documents) : ReportDocuments.ReportDocumentsBase
{
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<AnnualReport> GetAnnualReport(GetReportDocumentRequest request, ServerCallContext context) =>
        documents.AnnualReportAsync(documents.Check(context.Caller(), request.Org, request.Year), context.CancellationToken);

    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<DisclosureReport> GetDisclosureReport(GetReportDocumentRequest request, ServerCallContext context) =>
        documents.DisclosureReportAsync(documents.Check(context.Caller(), request.Org, request.Year), context.CancellationToken);
}
