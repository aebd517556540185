using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reconsideration.Domain;
using Fazhi.Reconsideration.Grpc;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Hosting;
using CaseStatus = Fazhi.Contracts.Reconsideration.CaseStatus;

namespace Fazhi.Reconsideration.Extensions;

public static class ReconsiderationExtensions
{
    public const string ServiceName = "reconsideration";

    public static WebApplicationBuilder AddReconsiderationService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName, httpPort: 5101, grpcPort: 6101, new AccessRules(
            ReadRoles: [FazhiRoles.ReconsiderationClerk],
            WriteRoles: [FazhiRoles.ReconsiderationClerk]));
        builder.AddCaseStore<ReconsiderationDbContext, ReconsiderationCase, ReconsiderationCaseChanged>(
            ServiceName, "fazhi_reconsideration", "reconsideration case", c => c.ReceivedOn);
        builder.AddWorkingDayCalendar();
        // Open cases follow a new holiday schedule from the day it is loaded (deadlines in force before stay).
        builder.Services.AddCalendarAdoption<ReconsiderationDbContext, ReconsiderationCase>(c =>
            c.Status == CaseStatus.Received || c.Status == CaseStatus.AwaitingMaterials || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.Suspended);
        return builder;
    }

    public static WebApplication MapReconsiderationService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<ReconsiderationCasesService>();
        return app;
    }
}
