using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
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
using Microsoft.Extensions.Options;
using Proto = Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Grpc;

/// <summary>
/// 案卷评查 over the API: input is checked at the edge (INVALID_ARGUMENT naming each bad field, the review's problems
/// included), the review is graded by the organisation's thresholds of the day, and saved with its audit entry and
/// outbox event in one transaction through the group commit.
/// </summary>
public sealed class FileReviewsService(
    EnforcementDbContext db,
    GroupCommitWriter<EnforcementDbContext, FileReview> writer,
    BusinessClock clock,
    IOptionsMonitor<GradingOptions> grading,
    CaseRepublisher<EnforcementDbContext, FileReview, EnforcementCaseChanged> reviews,
    CaseRepublisher<EnforcementDbContext, Campaign, EnforcementCaseChanged> campaigns,
    DepartmentRepublisher departments) : Proto.FileReviews.FileReviewsBase
{
    private const string CaseName = "file review";
    private const int MaxDescription = 2000;

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.FileReview> CreateReview(Proto.CreateReviewRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var departmentId = check.Id("departmentId", request.DepartmentId);
        var reviewedOn = check.Date("reviewedOn", request.ReviewedOn);
        if (!double.IsFinite(request.Score) || request.Score is < 0 or > 100) check.Fail("score", "must be 0 to 100");
        var file = new ReviewedFile(
            departmentId,
            check.Enum("fileType", request.FileType),
            check.Text("fileNumber", request.FileNumber, FileReview.MaxFileNumber),
            reviewedOn,
            double.IsFinite(request.Score) && request.Score is >= 0 and <= 100 ? (decimal)request.Score : 0,
            request.VetoFailed,
            request.ReReview);
        var problems = request.Problems.Select((p, i) => new NewProblem(
            departmentId,
            check.Enum($"problems[{i}].category", p.Category),
            check.Text($"problems[{i}].description", p.Description, MaxDescription),
            reviewedOn,
            check.Date($"problems[{i}].rectifyBy", p.RectifyBy))).ToList();
        check.ThrowIfInvalid();

        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == departmentId, context.CancellationToken);
        var thresholds = grading.CurrentValue.For(org);
        return await writer.CreateCaseAsync(db, context, clock, requestId, org,
            today => FileReview.Record(requestId, org, file, department, problems, thresholds, today),
            existing => existing.IsSameReview(org, file, problems),
            (created, _) => created.ToProto(),
            duplicateReason: "FILE_ALREADY_REVIEWED");
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.FileReview> RectifyReviewProblem(Proto.RectifyProblemRequest request, ServerCallContext context) =>
        writer.ChangeCaseAsync(request.Id, context, clock, check =>
        {
            var problemId = check.Id("problemId", request.ProblemId);
            var rectifiedOn = check.Date("rectifiedOn", request.RectifiedOn);
            return (r, today) => r.RectifyProblem(problemId, rectifiedOn, today);
        }, (r, _) => r.ToProto());

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.FileReview> VoidReview(Proto.VoidRequest request, ServerCallContext context) =>
        writer.VoidCaseAsync(request.Id, request.Reason, context, clock, (voided, _) => voided.ToProto());

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.FileReview> GetReview(Proto.GetRequest request, ServerCallContext context) =>
        (await db.ReadCaseAsync<FileReview>(request.Id, context, CaseName)).ToProto();

    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<History> GetReviewHistory(Proto.GetRequest request, ServerCallContext context) =>
        db.ReadHistoryAsync<FileReview>(request.Id, context, CaseName);

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListReviewsResponse> ListReviews(Proto.ListReviewsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        Guid? departmentId = string.IsNullOrEmpty(request.DepartmentId) ? null : check.Id("departmentId", request.DepartmentId);
        if (request.FileType != Proto.FileType.Unspecified) check.Enum("fileType", request.FileType);
        var page = await db.ListCasesAsync<FileReview>(check, request.Org, request.PageSize, request.PageToken, context, query =>
        {
            if (departmentId is { } department) query = query.Where(r => r.DepartmentId == department);
            if (request.FileType != Proto.FileType.Unspecified) query = query.Where(r => r.FileType == request.FileType);
            return query;
        });
        var response = new Proto.ListReviewsResponse { NextPageToken = page.NextPageToken };
        response.Reviews.AddRange(page.Cases.Select(r => r.ToProto()));
        return response;
    }

    /// <summary>Re-publishes every review and then every campaign: both feed the one "enforcement" report source.</summary>
    [Authorize(Policy = AccessPolicies.Administer)]
    public override async Task<Proto.RepublishCasesResponse> RepublishCases(Proto.RepublishCasesRequest request, ServerCallContext context)
    {
        var fromReviews = await reviews.RepublishAllAsync(request.PageSize, context.CancellationToken);
        var fromCampaigns = await campaigns.RepublishAllAsync(request.PageSize, context.CancellationToken);
        var pageSize = request.PageSize == 0 ? CaseRepublisher<EnforcementDbContext, FileReview, EnforcementCaseChanged>.DefaultPageSize : request.PageSize;
        var (named, namedMessages) = await departments.RepublishAllAsync(fromReviews.RebuildId, pageSize, context.CancellationToken);
        return new Proto.RepublishCasesResponse
        {
            Cases = fromReviews.Cases + fromCampaigns.Cases + named,
            Messages = fromReviews.Messages + fromCampaigns.Messages + namedMessages,
            RebuildId = fromReviews.RebuildId.ToString(),
        };
    }
}
