using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Disclosure.Domain;
using Fazhi.Disclosure.Grpc;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Hosting;
using RequestStatus = Fazhi.Contracts.Disclosure.RequestStatus;

namespace Fazhi.Disclosure.Extensions;

public static class DisclosureExtensions
{
    public const string ServiceName = "disclosure";

    public static WebApplicationBuilder AddDisclosureService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName, httpPort: 5104, grpcPort: 6104, new AccessRules(
            ReadRoles: [FazhiRoles.DisclosureOfficer],
            WriteRoles: [FazhiRoles.DisclosureOfficer]));
        builder.AddCaseStore<DisclosureDbContext, DisclosureRequest, DisclosureCaseChanged>(
            ServiceName, "fazhi_disclosure", "disclosure request", r => r.ReceivedOn);
        builder.AddWorkingDayCalendar();
        builder.Services.AddScoped<PublicationWriter>();
        builder.Services.AddScoped<PublicationDayRepublisher>();
        builder.Services.AddScoped<StatisticsWriter>();
        builder.Services.AddCalendarAdoption<DisclosureDbContext, DisclosureRequest>(r =>
            r.Status == RequestStatus.Open || r.Status == RequestStatus.AwaitingClarification);
        return builder;
    }

    public static WebApplication MapDisclosureService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<DisclosureService>();
        return app;
    }
}
