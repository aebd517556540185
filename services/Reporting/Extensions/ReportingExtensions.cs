using Fazhi.Reporting.Breakdowns;
using Fazhi.Reporting.Dashboard;
using Fazhi.Reporting.Documents;
using Fazhi.Reporting.Grpc;
using Fazhi.Reporting.Infrastructure;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Queries;
using Fazhi.Reporting.Sources;
using Fazhi.Reporting.Validation;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Messaging;

namespace Fazhi.Reporting.Extensions;

public static class ReportingExtensions
{
    public const string ServiceName = "reporting";

    public static WebApplicationBuilder AddReportingService(this WebApplicationBuilder builder)
    {
        // Figures are for everyone who works on them, within their organisation's scope; nobody writes them by hand.
        builder.AddServiceDefaults(ServiceName, httpPort: 5105, grpcPort: 6105, new AccessRules(
            ReadRoles: [FazhiRoles.StatisticsViewer, FazhiRoles.ReconsiderationClerk, FazhiRoles.LitigationLiaison,
                FazhiRoles.EnforcementReviewer, FazhiRoles.DisclosureOfficer],
            WriteRoles: []));
        builder.AddServiceDatabase<ReportingDbContext>("fazhi_reporting", ownsAggregates: false);
        builder.Services.AddSingleton<CounterMirror>();
        builder.Services.AddSingleton<ProjectionGate>();
        builder.Services.AddSingleton<CaseProjector>();
        builder.Services.AddSingleton<ReportingStore>();
        builder.Services.AddSingleton<YearToDateQuery>();
        // Before the bus: the mirror is loaded before the first consumer commits on top of it.
        builder.Services.AddSingleton<CounterMirrorLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounterMirrorLoader>());
        var sources = ReportSources.Registered();
        builder.Services.AddSingleton(sources);
        foreach (var source in sources.All) builder.Services.AddSingleton(source.GetType(), source);
        builder.AddEventChecks();
        builder.AddMessaging(ServiceName, sources.AddConsumers);
        builder.AddReportDocuments().AddDashboard().AddBreakdowns();
        return builder;
    }

    public static WebApplication MapReportingService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ReportsService>();
        app.MapReportDocuments().MapDashboard().MapBreakdowns();
        return app;
    }
}
