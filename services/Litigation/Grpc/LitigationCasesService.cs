using Fazhi.Litigation.Domain;
using Fazhi.Litigation.Infrastructure;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Proto = Fazhi.Contracts.Litigation;

namespace Fazhi.Litigation.Grpc;

/// <summary>
/// The public API: validates input at the edge (INVALID_ARGUMENT naming each field), hands the move to the aggregate
/// (which refuses illegal ones with their reason) through the group-commit writer, which saves the case with its audit
/// entry and outbox event in one transaction.
/// </summary>
public sealed class LitigationCasesService(
    LitigationDbContext db,
    GroupCommitWriter<LitigationDbContext, LitigationCase> writer,
    BusinessClock clock,
    CaseRepublisher<LitigationDbContext, LitigationCase, LitigationCaseChanged> republisher) : Proto.LitigationCases.LitigationCasesBase
{
    private const string CaseName = "litigation case";
    private const int MaxText = 2000;

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.LitigationCase> CreateCase(Proto.CreateCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var lawsuit = new Lawsuit(
            check.Text("court", request.Court, 100),
            check.Text("caseNumber", request.CaseNumber, 60),
            check.Enum("instance", request.Instance),
            check.Date("filedOn", request.FiledOn),
            check.Enum("category", request.Category),
            request.AfterReconsideration,
            check.Text("defendant", request.Defendant, 200),
            request.ReconsiderationBodyCoDefendant);
        check.ThrowIfInvalid();

        return await writer.CreateCaseAsync(db, context, clock, requestId, org,
            today => LitigationCase.File(requestId, org, lawsuit, today),
            existing => existing.IsSameLawsuit(org, lawsuit),
            (created, _) => created.ToProto(),
            duplicateReason: "CASE_NUMBER_TAKEN");
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.CourtNotice> AddNotice(Proto.AddNoticeRequest request, ServerCallContext context)
    {
        CourtNotice? notice = null;
        return writer.ChangeCaseAsync(request.Id, context, clock, check =>
        {
            var requestId = check.RequestId("requestId", request.RequestId);
            var noticeOn = check.Date("noticeOn", request.NoticeOn);
            var hearingOn = check.Date("hearingOn", request.HearingOn);
            return (c, today) => notice = c.AddNotice(requestId, noticeOn, hearingOn, request.ShortNotice, today);
        }, (c, _) => notice!.ToProto(c));
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.LitigationCase> RecordAppearance(Proto.RecordAppearanceRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var noticeId = check.Id("noticeId", request.NoticeId);
            var appearance = check.Enum("appearance", request.Appearance);
            var excuse = request.Excuse == Proto.Excuse.Unspecified ? Proto.Excuse.Unspecified : check.Enum("excuse", request.Excuse);
            return (c, today) => c.RecordAppearance(noticeId, appearance, request.Spoke, excuse, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.LitigationCase> RecordJudgment(Proto.RecordJudgmentRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var judgedOn = check.Date("judgedOn", request.JudgedOn);
            var judgment = check.Enum("judgment", request.Judgment);
            return (c, today) => c.RecordJudgment(judgedOn, judgment, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.LitigationCase> CorrectCase(Proto.CorrectCaseRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var correction = new CaseCorrection(check.Text("reason", request.Reason, MaxText))
            {
                Court = request.HasCourt ? check.Text("court", request.Court, 100) : null,
                CaseNumber = request.HasCaseNumber ? check.Text("caseNumber", request.CaseNumber, 60) : null,
                Instance = request.HasInstance ? check.Enum("instance", request.Instance) : null,
                FiledOn = request.HasFiledOn ? check.Date("filedOn", request.FiledOn) : null,
                Category = request.HasCategory ? check.Enum("category", request.Category) : null,
                AfterReconsideration = request.HasAfterReconsideration ? request.AfterReconsideration : null,
                Defendant = request.HasDefendant ? check.Text("defendant", request.Defendant, 200) : null,
                ReconsiderationBodyCoDefendant = request.HasReconsiderationBodyCoDefendant ? request.ReconsiderationBodyCoDefendant : null,
                JudgedOn = request.HasJudgedOn ? check.Date("judgedOn", request.JudgedOn) : null,
                Judgment = request.HasJudgment ? check.Enum("judgment", request.Judgment) : null,
                Notices = request.Notices.Select((n, i) => NoticeCorrectionOf(check, $"notices[{i}]", n)).ToList(),
            };
            if (correction.IsEmpty) check.Fail("correction", "names no field to correct");
            context.SetAuditReason(correction.Reason);
            return (c, today) => c.Correct(correction, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.LitigationCase> VoidCase(Proto.VoidCaseRequest request, ServerCallContext context) =>
        writer.VoidCaseAsync(request.Id, request.Reason, context, clock, (voided, _) => voided.ToProto());

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.LitigationCase> GetCase(Proto.GetCaseRequest request, ServerCallContext context) =>
        (await db.ReadCaseAsync<LitigationCase>(request.Id, context, CaseName)).ToProto();

    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<History> GetCaseHistory(Proto.GetCaseRequest request, ServerCallContext context) =>
        db.ReadHistoryAsync<LitigationCase>(request.Id, context, CaseName);

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListCasesResponse> ListCases(Proto.ListCasesRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        if (request.Status != Proto.CaseStatus.Unspecified) check.Enum("status", request.Status);
        if (request.Instance != Proto.Instance.Unspecified) check.Enum("instance", request.Instance);
        var page = await db.ListCasesAsync<LitigationCase>(check, request.Org, request.PageSize, request.PageToken, context, query =>
        {
            if (request.Status != Proto.CaseStatus.Unspecified) query = query.Where(c => c.Status == request.Status);
            if (request.Instance != Proto.Instance.Unspecified) query = query.Where(c => c.Instance == request.Instance);
            return query;
        });
        var response = new Proto.ListCasesResponse { NextPageToken = page.NextPageToken };
        response.Cases.AddRange(page.Cases.Select(c => c.ToProto()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.Administer)]
    public override async Task<Proto.RepublishCasesResponse> RepublishCases(Proto.RepublishCasesRequest request, ServerCallContext context)
    {
        var done = await republisher.RepublishAllAsync(request.PageSize, context.CancellationToken);
        return new Proto.RepublishCasesResponse { Cases = done.Cases, Messages = done.Messages, RebuildId = done.RebuildId.ToString() };
    }

    private static NoticeCorrection NoticeCorrectionOf(InputCheck check, string field, Proto.NoticeCorrection n) =>
        new(check.Id($"{field}.noticeId", n.NoticeId))
        {
            NoticeOn = n.HasNoticeOn ? check.Date($"{field}.noticeOn", n.NoticeOn) : null,
            HearingOn = n.HasHearingOn ? check.Date($"{field}.hearingOn", n.HearingOn) : null,
            ShortNotice = n.HasShortNotice ? n.ShortNotice : null,
            Appearance = n.HasAppearance ? check.Enum($"{field}.appearance", n.Appearance) : null,
            Spoke = n.HasSpoke ? n.Spoke : null,
            Excuse = n.HasExcuse ? n.Excuse : null,
        };

    /// <summary>Checks the request (<paramref name="validate"/> returns the move) and applies the move through the group commit.</summary>
    private Task<Proto.LitigationCase> Change(string id, ServerCallContext context, Func<InputCheck, Action<LitigationCase, DateOnly>> validate) =>
        writer.ChangeCaseAsync(id, context, clock, validate, (changed, _) => changed.ToProto());
}
