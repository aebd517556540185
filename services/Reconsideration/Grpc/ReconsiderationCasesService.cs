using Fazhi.Calendar;
using Fazhi.Reconsideration.Domain;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Contracts.Common;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Proto = Fazhi.Contracts.Reconsideration;
using CaseRepublisher = Fazhi.ServiceDefaults.Cases.CaseRepublisher<
    Fazhi.Reconsideration.Infrastructure.ReconsiderationDbContext,
    Fazhi.Reconsideration.Domain.ReconsiderationCase,
    Fazhi.Contracts.IntegrationEvents.ReconsiderationCaseChanged>;

namespace Fazhi.Reconsideration.Grpc;

/// <summary>
/// The public API: validates input at the edge (INVALID_ARGUMENT naming each field), hands the move to the
/// aggregate (which refuses illegal ones) through the group-commit writer, which saves the case with its audit entry
/// and outbox event in one transaction (shared with other requests' commands under load).
/// </summary>
public sealed class ReconsiderationCasesService(
    ReconsiderationDbContext db,
    GroupCommitWriter<ReconsiderationDbContext, ReconsiderationCase> writer,
    BusinessClock clock,
    WorkingDayCalendar calendar,
    CaseRepublisher republisher) : Proto.ReconsiderationCases.ReconsiderationCasesBase
{
    private const int MaxText = 2000;

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.ReconsiderationCase> CreateCase(Proto.CreateCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var receivedOn = check.Date("receivedOn", request.ReceivedOn);
        var applicantType = check.Enum("applicantType", request.ApplicantType);
        var category = check.Enum("category", request.Category);
        var respondent = check.Text("respondent", request.Respondent, 200);
        var summary = check.Text("summary", request.Summary, MaxText, required: false);
        check.ThrowIfInvalid();
        return await writer.CreateCaseAsync(db, context, clock, requestId, org,
            today => ReconsiderationCase.Receive(requestId, org, receivedOn, applicantType, category, respondent, summary, today, calendar),
            existing => existing.IsSameApplication(org, receivedOn, applicantType, category, respondent, summary),
            (created, today) => created.ToProto(today));
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> AcceptCase(Proto.AcceptCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var acceptedOn = check.Date("acceptedOn", request.AcceptedOn);
        var procedure = check.Enum("procedure", request.Procedure);
        check.ThrowIfInvalid();
        return Change(id, (c, today) => c.Accept(acceptedOn, procedure, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> RejectCase(Proto.RejectCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var rejectedOn = check.Date("rejectedOn", request.RejectedOn);
        var reason = check.Text("reason", request.Reason, MaxText);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, today) => c.Reject(rejectedOn, reason, today), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> RecordHearing(Proto.RecordHearingRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var heldOn = check.Date("heldOn", request.HeldOn);
        check.ThrowIfInvalid();
        return Change(id, (c, today) => c.RecordHearing(heldOn, today), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> ExtendCase(Proto.ExtendCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var extendedOn = check.Date("extendedOn", request.ExtendedOn);
        var days = check.Range("days", request.Days, 1, StatutoryDeadlines.MaxExtensionDays);
        var reason = check.Text("reason", request.Reason, MaxText);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, today) => c.Extend(extendedOn, days, reason, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> RequestMaterials(Proto.RequestMaterialsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var requestedOn = check.Date("requestedOn", request.RequestedOn);
        var dueOn = check.Date("dueOn", request.DueOn);
        var reason = check.Text("reason", request.Reason, MaxText, required: false);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, today) => c.RequestMaterials(requestedOn, dueOn, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> ReceiveMaterials(Proto.ReceiveMaterialsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var receivedOn = check.Date("receivedOn", request.ReceivedOn);
        check.ThrowIfInvalid();
        return Change(id, (c, today) => c.ReceiveMaterials(receivedOn, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> WithdrawCase(Proto.WithdrawCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var withdrawnOn = check.Date("withdrawnOn", request.WithdrawnOn);
        var reason = check.Text("reason", request.Reason, MaxText);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, today) => c.Withdraw(withdrawnOn, reason, request.Settled, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> SuspendCase(Proto.SuspendCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var suspendedOn = check.Date("suspendedOn", request.SuspendedOn);
        var reason = check.Text("reason", request.Reason, MaxText, required: false);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, today) => c.Suspend(suspendedOn, today, calendar, reason), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> ResumeCase(Proto.ResumeCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var resumedOn = check.Date("resumedOn", request.ResumedOn);
        check.ThrowIfInvalid();
        return Change(id, (c, today) => c.Resume(resumedOn, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> DecideCase(Proto.DecideCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var decidedOn = check.Date("decidedOn", request.DecidedOn);
        var decision = check.Enum("decision", request.Decision);
        var ground = request.TerminationGround == Proto.TerminationGround.Unspecified
            ? Proto.TerminationGround.Unspecified
            : check.Enum("terminationGround", request.TerminationGround);
        check.ThrowIfInvalid();
        return Change(id, (c, today) => c.Decide(decidedOn, decision, today, calendar, ground), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> CorrectCase(Proto.CorrectCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var correction = new CaseCorrection(check.Text("reason", request.Reason, MaxText))
        {
            ReceivedOn = request.HasReceivedOn ? check.Date("receivedOn", request.ReceivedOn) : null,
            ApplicantType = request.HasApplicantType ? check.Enum("applicantType", request.ApplicantType) : null,
            Category = request.HasCategory ? check.Enum("category", request.Category) : null,
            Respondent = request.HasRespondent ? check.Text("respondent", request.Respondent, 200) : null,
            Summary = request.HasSummary ? check.Text("summary", request.Summary, MaxText, required: false) : null,
            AcceptedOn = request.HasAcceptedOn ? check.Date("acceptedOn", request.AcceptedOn) : null,
            Procedure = request.HasProcedure ? check.Enum("procedure", request.Procedure) : null,
            RejectedOn = request.HasRejectedOn ? check.Date("rejectedOn", request.RejectedOn) : null,
            DecidedOn = request.HasDecidedOn ? check.Date("decidedOn", request.DecidedOn) : null,
            Decision = request.HasDecision ? check.Enum("decision", request.Decision) : null,
            TerminationGround = request.HasTerminationGround ? check.Enum("terminationGround", request.TerminationGround) : null,
            HearingDates = request.HearingDates is null
                ? null
                : request.HearingDates.Dates.Select((d, i) => check.Date($"hearingDates.dates[{i}]", d)).ToList(),
        };
        if (correction == new CaseCorrection(correction.Reason) && request.HearingDates is null)
            check.Fail("correction", "names no field to correct");
        check.ThrowIfInvalid();
        context.SetAuditReason(correction.Reason);
        return Change(id, (c, today) => c.Correct(correction, today, calendar), context);
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.ReconsiderationCase> VoidCase(Proto.VoidCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        var reason = check.Text("reason", request.Reason, MaxText);
        check.ThrowIfInvalid();
        context.SetAuditReason(reason);
        return Change(id, (c, _) => c.Void(reason), context);
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ReconsiderationCase> GetCase(Proto.GetCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        check.ThrowIfInvalid();
        var found = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"No reconsideration case {id}.");
        context.Caller().EnsureCovers(found.Org);
        return found.ToProto(clock.Today());
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<History> GetCaseHistory(Proto.GetCaseRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var id = check.Id("id", request.Id);
        check.ThrowIfInvalid();
        var org = await db.Cases.Where(c => c.Id == id).Select(c => c.Org).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException($"No reconsideration case {id}.");
        context.Caller().EnsureCovers(org);
        return await AuditHistory.ReadAsync(db, id, context.CancellationToken);
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListCasesResponse> ListCases(Proto.ListCasesRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var org = string.IsNullOrEmpty(request.Org) ? null : check.Org("org", request.Org);
        var dueBefore = check.OptionalDate("dueBefore", request.DueBefore);
        var pageSize = request.PageSize == 0 ? 50 : check.Range("pageSize", request.PageSize, 1, 500);
        Guid? after = string.IsNullOrEmpty(request.PageToken) ? null : check.Id("pageToken", request.PageToken);
        if (request.Status != Proto.CaseStatus.Unspecified) check.Enum("status", request.Status);
        check.ThrowIfInvalid();
        var caller = context.Caller();
        if (org is not null) caller.EnsureCovers(org);

        var query = db.Cases.AsNoTracking();
        // Without an org filter, a caller lists every case in its scope (its code and the codes under it).
        query = org is not null ? query.Where(c => c.Org == org) : query.Where(c => c.Org.StartsWith(caller.Org));
        if (request.Status != Proto.CaseStatus.Unspecified) query = query.Where(c => c.Status == request.Status);
        // An application still "received" after its review period is accepted by law and has a deadline running too.
        var today = clock.Today();
        if (dueBefore is { } due)
            query = query.Where(c => (c.Status == Proto.CaseStatus.Accepted || (c.Status == Proto.CaseStatus.Received && c.AcceptanceDueOn < today))
                && c.Deadline <= due);
        if (after is { } last) query = query.Where(c => c.Id.CompareTo(last) > 0);

        // Ids are UUIDv7, so id order is creation order and a page token is just the last id seen.
        var page = await query.OrderBy(c => c.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var response = new Proto.ListCasesResponse();
        response.Cases.AddRange(page.Take(pageSize).Select(c => c.ToProto(today)));
        if (page.Count > pageSize) response.NextPageToken = page[pageSize - 1].Id.ToString();
        return response;
    }

    [Authorize(Policy = AccessPolicies.Administer)]
    public override async Task<Proto.RepublishCasesResponse> RepublishCases(Proto.RepublishCasesRequest request, ServerCallContext context)
    {
        var done = await republisher.RepublishAllAsync(request.PageSize, context.CancellationToken);
        return new Proto.RepublishCasesResponse { Cases = done.Cases, Messages = done.Messages, RebuildId = done.RebuildId.ToString() };
    }

    /// <summary>Applies a move to a case through the group-commit writer (<see cref="CaseCommands.ChangeCaseAsync"/>).</summary>
    private Task<Proto.ReconsiderationCase> Change(Guid id, Action<ReconsiderationCase, DateOnly> move, ServerCallContext context) =>
        writer.ChangeCaseAsync(id, context, clock, move, (changed, today) => changed.ToProto(today));
}
