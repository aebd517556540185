namespace Fazhi.Reporting.Breakdowns;

/// <summary>Wiring of enforcement figures per department and per file type.</summary>
public static class BreakdownsExtensions
{
    public static WebApplicationBuilder AddBreakdowns(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapBreakdowns(this WebApplication app) => app;
}
