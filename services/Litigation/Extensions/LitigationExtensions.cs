using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Litigation.Domain;
using Fazhi.Litigation.Grpc;
using Fazhi.Litigation.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;

namespace Fazhi.Litigation.Extensions;

public static class LitigationExtensions
{
    public const string ServiceName = "litigation";

    public static WebApplicationBuilder AddLitigationService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName, httpPort: 5102, grpcPort: 6102, new AccessRules(
            ReadRoles: [FazhiRoles.LitigationLiaison],
            WriteRoles: [FazhiRoles.LitigationLiaison]));
        builder.AddCaseStore<LitigationDbContext, LitigationCase, LitigationCaseChanged>(
            ServiceName, "fazhi_litigation", "litigation case", c => c.FiledOn);
        return builder;
    }

    public static WebApplication MapLitigationService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<LitigationCasesService>();
        return app;
    }
}
