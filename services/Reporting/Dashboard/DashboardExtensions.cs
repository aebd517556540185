using Fazhi.Reporting.Projection;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.Reporting.Dashboard;

/// <summary>Wiring of the live dashboard: the WatchYearToDate stream, its server-sent events and the web page.</summary>
public static class DashboardExtensions
{
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        var options = new DashboardOptions();
        builder.Configuration.GetSection("Dashboard").Bind(options);
        builder.Services.AddSingleton(options);
        // Raised by the projector after each commit (and by a reset); the watchers below wait on it.
        builder.Services.AddSingleton<FiguresChanged>();
        builder.Services.AddSingleton<YearToDateReports>();
        builder.Services.AddSingleton<YearToDateWatch>();
        builder.Services.AddSingleton<MonthlyFigures>();
        builder.Services.AddSingleton<DashboardPage>();
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        // The figures as server-sent events: authorized like every API route.
        app.MapGet(YearToDateEvents.Route, YearToDateEvents.StreamAsync).RequireAuthorization(AccessPolicies.Read);

        // The page and its settings hold no figures: no token (the page gets one by signing in, then calls the API).
        var page = app.Services.GetRequiredService<DashboardPage>();
        string[] getOrHead = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/", getOrHead, (HttpContext context) => Page(context, page, "index.html")).AllowAnonymous();
        app.MapMethods("/dashboard/{file}", getOrHead, (HttpContext context, string file) => Page(context, page, file)).AllowAnonymous();
        app.MapGet("/dashboard/config.json", () => Results.Text(page.Settings, "application/json; charset=utf-8")).AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext context, DashboardPage page, string file)
    {
        context.Response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return page.File(file);
    }
}
