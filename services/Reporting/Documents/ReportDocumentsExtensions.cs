using System.Text;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Code = Google.Rpc.Code;

namespace Fazhi.Reporting.Documents;

/// <summary>Wiring of the annual report (sentences, every metric) and the national disclosure report (tables 二, 三, 四).</summary>
public static class ReportDocumentsExtensions
{
    /// <summary>The printable disclosure report; transcoded gRPC answers JSON only, so the page is a plain endpoint.</summary>
    public const string DisclosureReportPage = "/v1/reports/{org}/years/{year}/disclosure-report.html";

    public static WebApplicationBuilder AddReportDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportDocumentsQuery>();
        return builder;
    }

    public static WebApplication MapReportDocuments(this WebApplication app)
    {
        app.MapGrpcService<ReportDocumentsService>();
        app.MapGet(DisclosureReportPage, DisclosureReportPageAsync).RequireAuthorization(AccessPolicies.Read);
        return app;
    }

    private static async Task<IResult> DisclosureReportPageAsync(
        string org, string year, HttpContext http, ReportDocumentsQuery documents, FazhiServiceInfo service)
    {
        try
        {
            // The page takes no query parameters (the report is the whole year); one sent is refused as the JSON
            // routes refuse an unknown one, rather than ignored as if it had been applied.
            if (http.Request.Query.Count > 0)
            {
                throw new InvalidInputException([.. http.Request.Query.Keys.Order(StringComparer.Ordinal)
                    .Select(key => new FieldViolation(key, "The disclosure report page takes no query parameters: it reports the whole year."))]);
            }
            // A year that is not a number gets the same field error as one out of range.
            var number = int.TryParse(year, out var parsed) ? parsed : 0;
            var report = await documents.DisclosureReportAsync(documents.Check(Caller.From(http.User), org, number), http.RequestAborted);
            return Results.Content(DisclosureReportHtml.Render(report), "text/html; charset=utf-8", Encoding.UTF8);
        }
        catch (FazhiException refusal) when (ErrorStatus.ForException(refusal, ErrorStatus.Domain(service.Name), null) is { } status)
        {
            // The same body as the JSON API's refusals (google.rpc.Status with an ErrorInfo).
            var code = (Code)status.Code switch
            {
                Code.InvalidArgument => StatusCodes.Status400BadRequest,
                Code.PermissionDenied => StatusCodes.Status403Forbidden,
                Code.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
            return Results.Content(ErrorStatus.ToJson(status), "application/json; charset=utf-8", Encoding.UTF8, code);
        }
    }
}
