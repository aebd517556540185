using Fazhi.Contracts.Common;
using Fazhi.Enforcement.Domain;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Proto = Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Grpc;

/// <summary>专项整治 over the API, on the same plumbing as the file reviews.</summary>
public sealed class CampaignsService(
    EnforcementDbContext db,
    GroupCommitWriter<EnforcementDbContext, Campaign> writer,
    BusinessClock clock) : Proto.Campaigns.CampaignsBase
{
    private const string CaseName = "campaign";
    private const int MaxDescription = 2000;

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Campaign> CreateCampaign(Proto.CreateCampaignRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var name = check.Text("name", request.Name, Campaign.MaxName);
        var startedOn = check.Date("startedOn", request.StartedOn);
        var endsOn = check.Date("endsOn", request.EndsOn);
        check.ThrowIfInvalid();

        return await writer.CreateCaseAsync(db, context, clock, requestId, org,
            today => Campaign.Launch(requestId, org, name, startedOn, endsOn, today),
            existing => existing.IsSameCampaign(org, name, startedOn, endsOn),
            (created, _) => created.ToProto(),
            duplicateReason: "CAMPAIGN_NAME_TAKEN");
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Campaign> AddCampaignProblem(Proto.AddCampaignProblemRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var requestId = check.RequestId("requestId", request.RequestId);
        var problem = new NewProblem(
            check.Id("departmentId", request.DepartmentId),
            check.Enum("category", request.Category),
            check.Text("description", request.Description, MaxDescription),
            check.Date("foundOn", request.FoundOn),
            check.Date("rectifyBy", request.RectifyBy));
        check.ThrowIfInvalid();

        // Read before the move: the move runs inside the group commit and must not wait on the database.
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == problem.DepartmentId, context.CancellationToken);
        return await writer.ChangeCaseAsync(id, context, clock,
            (c, today) => c.AddProblem(requestId, problem, department, today),
            (c, _) => c.ToProto());
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.Campaign> RectifyCampaignProblem(Proto.RectifyProblemRequest request, ServerCallContext context) =>
        writer.ChangeCaseAsync(request.Id, context, clock, check =>
        {
            var problemId = check.Id("problemId", request.ProblemId);
            var rectifiedOn = check.Date("rectifiedOn", request.RectifiedOn);
            return (c, today) => c.RectifyProblem(problemId, rectifiedOn, today);
        }, (c, _) => c.ToProto());

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.Campaign> VoidCampaign(Proto.VoidRequest request, ServerCallContext context) =>
        writer.VoidCaseAsync(request.Id, request.Reason, context, clock, (voided, _) => voided.ToProto());

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.Campaign> GetCampaign(Proto.GetRequest request, ServerCallContext context) =>
        (await db.ReadCaseAsync<Campaign>(request.Id, context, CaseName)).ToProto();

    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<History> GetCampaignHistory(Proto.GetRequest request, ServerCallContext context) =>
        db.ReadHistoryAsync<Campaign>(request.Id, context, CaseName);

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListCampaignsResponse> ListCampaigns(Proto.ListCampaignsRequest request, ServerCallContext context)
    {
        var page = await db.ListCasesAsync<Campaign>(new InputCheck(), request.Org, request.PageSize, request.PageToken, context, query => query);
        var response = new Proto.ListCampaignsResponse { NextPageToken = page.NextPageToken };
        response.Campaigns.AddRange(page.Cases.Select(c => c.ToProto()));
        return response;
    }
}
