using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Disclosure.Domain;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Proto = Fazhi.Contracts.Disclosure;

namespace Fazhi.Disclosure.Grpc;

/// <summary>
/// The public API: input is checked at the edge (INVALID_ARGUMENT naming each field); a request's moves go to the
/// aggregate through the group-commit writer like every case service's; publications go through
/// <see cref="PublicationWriter"/>, all of a batch in one transaction.
/// </summary>
public sealed class DisclosureService(
    DisclosureDbContext db,
    GroupCommitWriter<DisclosureDbContext, DisclosureRequest> writer,
    PublicationWriter publications,
    PublicationDayRepublisher dayRepublisher,
    StatisticsWriter statistics,
    BusinessClock clock,
    WorkingDayCalendar calendar,
    CaseRepublisher<DisclosureDbContext, DisclosureRequest, DisclosureCaseChanged> republisher) : Proto.Disclosure.DisclosureBase
{
    public const int MaxBatch = 1000;
    private const string RequestName = "disclosure request";
    private const int MaxText = 2000;

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Publication> CreatePublication(Proto.CreatePublicationRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var item = PublicationOf(check, "", request, clock.Today());
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(item.Org);
        return (await publications.RecordAsync([item], context.CancellationToken))[0].ToProto();
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.BatchCreatePublicationsResponse> BatchCreatePublications(
        Proto.BatchCreatePublicationsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        if (request.Requests.Count is 0 or > MaxBatch) check.Fail("requests", $"must hold 1 to {MaxBatch} publications, not {request.Requests.Count}");
        var today = clock.Today();
        var items = request.Requests.Select((r, i) => PublicationOf(check, $"requests[{i}].", r, today)).ToList();
        // A requestId repeated inside one batch with different contents cannot be a retry.
        foreach (var clash in items.Select((item, i) => (item, i)).GroupBy(x => x.item.RequestId).Where(g => g.Select(x => x.item).Distinct().Count() > 1))
        {
            foreach (var (_, i) in clash.Skip(1)) check.Fail($"requests[{i}].requestId", "is used by an earlier item of this batch with different contents");
        }
        check.ThrowIfInvalid();
        var caller = context.Caller();
        foreach (var org in items.Select(i => i.Org).Distinct()) caller.EnsureCovers(org);
        var recorded = await publications.RecordAsync(items, context.CancellationToken);
        var response = new Proto.BatchCreatePublicationsResponse();
        response.Publications.AddRange(recorded.Select(p => p.ToProto()));
        return response;
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.DisclosureRequest> CreateRequest(Proto.CreateRequestRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var requestId = check.RequestId("requestId", request.RequestId);
        var org = check.Org("org", request.Org);
        var receivedOn = check.Date("receivedOn", request.ReceivedOn);
        var applicantType = check.Enum("applicantType", request.ApplicantType);
        var subject = check.Text("subject", request.Subject, MaxText);
        check.ThrowIfInvalid();

        return await writer.CreateCaseAsync(db, context, clock, requestId, org,
            today => DisclosureRequest.Receive(requestId, org, receivedOn, applicantType, subject, calendar, today),
            existing => existing.IsSameRequest(org, receivedOn, applicantType, subject),
            (created, today) => created.ToProto(calendar, today));
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.DisclosureRequest> RequestClarification(Proto.DatedRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var on = check.Date("on", request.On);
            return (r, today) => r.RequestClarification(on, calendar, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.DisclosureRequest> RecordClarification(Proto.DatedRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var on = check.Date("on", request.On);
            return (r, today) => r.RecordClarification(on, calendar, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.DisclosureRequest> ExtendRequest(Proto.ExtendRequestRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var on = check.Date("on", request.On);
            var reason = check.Text("reason", request.Reason, MaxText);
            // 0 (not given) means the longest extension the law allows; anything else must be a whole 1..max working days.
            var days = request.WorkingDays == 0
                ? StatutoryClock.MaxExtensionWorkingDays
                : check.Range("workingDays", request.WorkingDays, 1, StatutoryClock.MaxExtensionWorkingDays);
            context.SetAuditReason(reason);
            return (r, today) => r.Extend(on, days, reason, calendar, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.DisclosureRequest> ConcludeRequest(Proto.ConcludeRequestRequest request, ServerCallContext context) =>
        Change(request.Id, context, check =>
        {
            var on = check.Date("concludedOn", request.ConcludedOn);
            var outcome = check.Enum("outcome", request.Outcome);
            return (r, today) => r.Conclude(on, outcome, today);
        });

    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<Proto.DisclosureRequest> VoidRequest(Proto.VoidRequestRequest request, ServerCallContext context) =>
        writer.VoidCaseAsync(request.Id, request.Reason, context, clock, (voided, today) => voided.ToProto(calendar, today));

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.DisclosureRequest> GetRequest(Proto.GetRequestRequest request, ServerCallContext context) =>
        (await db.ReadCaseAsync<DisclosureRequest>(request.Id, context, RequestName)).ToProto(calendar, clock.Today());

    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<History> GetRequestHistory(Proto.GetRequestRequest request, ServerCallContext context) =>
        db.ReadHistoryAsync<DisclosureRequest>(request.Id, context, RequestName);

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.ListRequestsResponse> ListRequests(Proto.ListRequestsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        if (request.Status != Proto.RequestStatus.Unspecified) check.Enum("status", request.Status);
        var page = await db.ListCasesAsync<DisclosureRequest>(check, request.Org, request.PageSize, request.PageToken, context,
            query => request.Status == Proto.RequestStatus.Unspecified ? query : query.Where(r => r.Status == request.Status));
        var today = clock.Today();
        var response = new Proto.ListRequestsResponse { NextPageToken = page.NextPageToken };
        response.Requests.AddRange(page.Cases.Select(r => r.ToProto(calendar, today)));
        return response;
    }

    [Authorize(Policy = AccessPolicies.Administer)]
    public override async Task<Proto.RepublishResponse> Republish(Proto.RepublishRequest request, ServerCallContext context)
    {
        var done = await republisher.RepublishAllAsync(request.PageSize, context.CancellationToken);
        var pageSize = request.PageSize == 0 ? CaseRepublisher<DisclosureDbContext, DisclosureRequest, DisclosureCaseChanged>.DefaultPageSize : request.PageSize;
        var (days, dayMessages) = await dayRepublisher.RepublishAllAsync(done.RebuildId, pageSize, context.CancellationToken);
        var (years, yearMessages) = await dayRepublisher.RepublishStatisticsAsync(done.RebuildId, pageSize, context.CancellationToken);
        return new Proto.RepublishResponse
        {
            Cases = done.Cases + days + years, Messages = done.Messages + dayMessages + yearMessages, RebuildId = done.RebuildId.ToString(),
        };
    }

    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Proto.Statistics> PutStatistics(Proto.PutStatisticsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var org = check.Org("org", request.Org);
        var year = StatisticsYear(check, request.Year);
        int Count(string field, int value)
        {
            if (value < 0) check.Fail(field, $"must be a non-negative whole number, not {value}");
            return value;
        }
        var figures = new TableTwoFigures(
            Count("rulesIssued", request.RulesIssued),
            Count("rulesRepealed", request.RulesRepealed),
            Count("rulesInForce", request.RulesInForce),
            Count("normativeDocumentsIssued", request.NormativeDocumentsIssued),
            Count("normativeDocumentsRepealed", request.NormativeDocumentsRepealed),
            Count("normativeDocumentsInForce", request.NormativeDocumentsInForce),
            Count("licensingDecisions", request.LicensingDecisions),
            Count("penaltyDecisions", request.PenaltyDecisions),
            Count("compulsionDecisions", request.CompulsionDecisions),
            DisclosureMapping.FeesWanYuan(check, "feesWanYuan", request.FeesWanYuan));
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        return (await statistics.PutAsync(org, year, figures, context.CancellationToken)).ToProto();
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<Proto.Statistics> GetStatistics(Proto.GetStatisticsRequest request, ServerCallContext context)
    {
        var id = StatisticsId(request, context);
        var found = await db.Statistics.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, context.CancellationToken)
            ?? throw new NotFoundException($"No table-二 figures of {request.Org} for {request.Year}.");
        return found.ToProto();
    }

    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<History> GetStatisticsHistory(Proto.GetStatisticsRequest request, ServerCallContext context)
    {
        var id = StatisticsId(request, context);
        if (!await db.Statistics.AnyAsync(s => s.Id == id, context.CancellationToken))
            throw new NotFoundException($"No table-二 figures of {request.Org} for {request.Year}.");
        return await AuditHistory.ReadAsync(db, id, context.CancellationToken);
    }

    /// <summary>The id of (org, year), after checking both and that the caller covers the organisation.</summary>
    private Guid StatisticsId(Proto.GetStatisticsRequest request, ServerCallContext context)
    {
        var check = new InputCheck();
        var org = check.Org("org", request.Org);
        var year = StatisticsYear(check, request.Year);
        check.ThrowIfInvalid();
        context.Caller().EnsureCovers(org);
        return DisclosureStatistics.IdOf(org, year);
    }

    /// <summary>A reporting year: from 1990 (as every business date) up to the current year, whose figures may be entered as they accrue.</summary>
    private int StatisticsYear(InputCheck check, int year)
    {
        var current = clock.Today().Year;
        if (year < 1990 || year > current) check.Fail("year", $"must be a year from 1990 to {current}, not {year}");
        return year;
    }

    private static PublicationInput PublicationOf(InputCheck check, string prefix, Proto.CreatePublicationRequest r, DateOnly today)
    {
        var publishedOn = check.Date(prefix + "publishedOn", r.PublishedOn);
        if (publishedOn > today) check.Fail(prefix + "publishedOn", $"is in the future (today is {today:yyyy-MM-dd})");
        return new PublicationInput(
            check.RequestId(prefix + "requestId", r.RequestId),
            check.Org(prefix + "org", r.Org),
            publishedOn,
            check.Text(prefix + "category", r.Category, 100),
            check.Text(prefix + "title", r.Title, 500));
    }

    /// <summary>Checks the request (<paramref name="validate"/> returns the move) and applies the move through the group commit.</summary>
    private Task<Proto.DisclosureRequest> Change(string id, ServerCallContext context, Func<InputCheck, Action<DisclosureRequest, DateOnly>> validate) =>
        writer.ChangeCaseAsync(id, context, clock, validate, (changed, today) => changed.ToProto(calendar, today));
}
