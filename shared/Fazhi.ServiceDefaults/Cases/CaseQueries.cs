using Fazhi.Contracts.Common;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.ServiceDefaults.Cases;

/// <summary>A page of cases and the token of the next one (empty on the last page).</summary>
public sealed record CasePage<TCase>(IReadOnlyList<TCase> Cases, string NextPageToken);

/// <summary>The reads every case service answers the same way: one case, its audit trail, a page of cases.</summary>
public static class CaseQueries
{
    /// <summary>The case <paramref name="id"/>: INVALID_ARGUMENT if malformed, NOT_FOUND, or PERMISSION_DENIED outside the caller's scope.</summary>
    public static async Task<TCase> ReadCaseAsync<TCase>(this DbContext db, string? id, ServerCallContext context, string aggregateName)
        where TCase : class, ICase<object>
    {
        var caseId = ValidId(id);
        var found = await db.Set<TCase>().AsNoTracking()
            .SingleOrDefaultAsync(c => EF.Property<Guid>(c, nameof(ICase<object>.Id)) == caseId, context.CancellationToken)
            ?? throw new NotFoundException($"No {aggregateName} {caseId}.");
        context.Caller().EnsureCovers(found.Org);
        return found;
    }

    /// <summary>The case's audit trail, oldest first, under the same checks as <see cref="ReadCaseAsync{TCase}"/>.</summary>
    public static async Task<History> ReadHistoryAsync<TCase>(this DbContext db, string? id, ServerCallContext context, string aggregateName)
        where TCase : class, ICase<object>
    {
        var caseId = ValidId(id);
        var org = await db.Set<TCase>()
            .Where(c => EF.Property<Guid>(c, nameof(ICase<object>.Id)) == caseId)
            .Select(c => EF.Property<string>(c, nameof(ICase<object>.Org)))
            .SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException($"No {aggregateName} {caseId}.");
        context.Caller().EnsureCovers(org);
        return await AuditHistory.ReadAsync(db, caseId, context.CancellationToken);
    }

    /// <summary>
    /// A page of cases of <paramref name="org"/> (or, without one, of every organisation in the caller's scope) that pass
    /// <paramref name="filter"/>, in id order. Ids are UUIDv7, so id order is creation order and a page token is just the
    /// last id seen. The org, page size and token are checked with <paramref name="check"/>, which holds the service's
    /// own filters' problems too, so one answer names every bad field.
    /// </summary>
    public static async Task<CasePage<TCase>> ListCasesAsync<TCase>(
        this DbContext db, InputCheck check, string? org, int pageSize, string? pageToken, ServerCallContext context,
        Func<IQueryable<TCase>, IQueryable<TCase>> filter)
        where TCase : class, ICase<object>
    {
        var orgFilter = string.IsNullOrEmpty(org) ? null : check.Org("org", org);
        var size = pageSize == 0 ? 50 : check.Range("pageSize", pageSize, 1, 500);
        Guid? after = string.IsNullOrEmpty(pageToken) ? null : check.Id("pageToken", pageToken);
        check.ThrowIfInvalid();
        var caller = context.Caller();
        if (orgFilter is not null) caller.EnsureCovers(orgFilter);

        var query = db.Set<TCase>().AsNoTracking();
        query = orgFilter is not null
            ? query.Where(c => EF.Property<string>(c, nameof(ICase<object>.Org)) == orgFilter)
            : query.Where(c => EF.Property<string>(c, nameof(ICase<object>.Org)).StartsWith(caller.Org));
        if (after is { } last) query = query.Where(c => EF.Property<Guid>(c, nameof(ICase<object>.Id)).CompareTo(last) > 0);
        var page = await filter(query).OrderBy(c => EF.Property<Guid>(c, nameof(ICase<object>.Id))).Take(size + 1).ToListAsync(context.CancellationToken);
        return new CasePage<TCase>(page.Take(size).ToList(), page.Count > size ? page[size - 1].Id.ToString() : "");
    }

    private static Guid ValidId(string? id)
    {
        var check = new InputCheck();
        var caseId = check.Id("id", id);
        check.ThrowIfInvalid();
        return caseId;
    }
}
