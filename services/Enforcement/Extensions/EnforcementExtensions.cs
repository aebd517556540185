using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Enforcement.Domain;
using Fazhi.Enforcement.Grpc;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Commands;

namespace Fazhi.Enforcement.Extensions;

public static class EnforcementExtensions
{
    public const string ServiceName = "enforcement";

    public static WebApplicationBuilder AddEnforcementService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName, httpPort: 5103, grpcPort: 6103, new AccessRules(
            ReadRoles: [FazhiRoles.EnforcementReviewer],
            WriteRoles: [FazhiRoles.EnforcementReviewer]));
        builder.AddCaseStore<EnforcementDbContext, FileReview, EnforcementCaseChanged>(
            ServiceName, "fazhi_enforcement", "file review", r => r.ReviewedOn);
        // Campaigns are the service's second kind of case: the database, bus and outbox are already there, so only
        // their writer and republisher are added (the same event type, so reporting sees one source).
        builder.AddGroupCommit<EnforcementDbContext, Campaign>("campaign");
        builder.Services.AddSingleton(new CaseOrder<Campaign>(nameof(Campaign.StartedOn), c => c.StartedOn));
        builder.Services.AddScoped<CaseRepublisher<EnforcementDbContext, Campaign, EnforcementCaseChanged>>();
        builder.Services.AddScoped<DepartmentRepublisher>();
        builder.Services.AddOptions<GradingOptions>().BindConfiguration(GradingOptions.Section)
            .Validate(o => o.GradeThresholds.Values.All(t => t.ToThresholds().IsValid),
                "Enforcement:GradeThresholds: each entry needs 0 < Passed <= Good <= Excellent <= 100.")
            .ValidateOnStart();
        return builder;
    }

    public static WebApplication MapEnforcementService(this WebApplication app)
    {
        app.MapServiceDefaults();
        app.MapGrpcService<DepartmentsService>();
        app.MapGrpcService<FileReviewsService>();
        app.MapGrpcService<CampaignsService>();
        return app;
    }
}
