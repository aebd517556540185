namespace Fazhi.Reporting.Breakdowns;

/// <summary>
/// Wiring of enforcement figures per department and per file type: the projector writes the rows' counters
/// (contributions with a dimension) and the departments' names; this adds the query and its gRPC service
/// (GET /v1/reports/{org}/years/{year}:enforcement-breakdown).
/// </summary>
public static class BreakdownsExtensions
{
    public static WebApplicationBuilder AddBreakdowns(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BreakdownQuery>();
        return builder;
    }

    public static WebApplication MapBreakdowns(this WebApplication app)
    {
        app.MapGrpcService<BreakdownsService>();
        return app;
    }
}
