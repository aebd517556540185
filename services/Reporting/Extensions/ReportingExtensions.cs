using Fazhi.Reporting.Consumers;
using Fazhi.Reporting.Grpc;
using Fazhi.Reporting.Infrastructure;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Queries;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

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
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<ReconsiderationCaseChangesConsumer, ReconsiderationCaseChangesConsumerDefinition>();
            bus.AddConsumer<ReconsiderationCaseChangedConsumer, ReconsiderationCaseChangedConsumerDefinition>();
            bus.AddConsumer<ReconsiderationCasesRepublishedConsumer, ReconsiderationCasesRepublishedConsumerDefinition>();
        });
        return builder;
    }

    public static WebApplication MapReportingService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ReportsService>();
        return app;
    }
}
