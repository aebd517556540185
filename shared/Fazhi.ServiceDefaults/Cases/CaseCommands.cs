using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fazhi.ServiceDefaults.Cases;

/// <summary>
/// What every case service's API does around its aggregate's moves: check the caller's organisation, take "today"
/// from the business clock, go through the group-commit writer, and turn a repeated create into the same case.
/// </summary>
public static class CaseCommands
{
    private const int MaxReason = 2000;

    /// <summary>
    /// Applies <paramref name="move"/> to case <paramref name="id"/> through the group-commit writer, which saves it with
    /// other requests' moves in one transaction and re-applies it to fresh state if another replica changed the case first.
    /// The caller's scope is checked against the loaded case, so nothing is written for a case outside it.
    /// </summary>
    public static Task<TResult> ChangeCaseAsync<TContext, TCase, TResult>(
        this GroupCommitWriter<TContext, TCase> writer, Guid id, ServerCallContext context, BusinessClock clock,
        Action<TCase, DateOnly> move, Func<TCase, DateOnly, TResult> result)
        where TContext : DbContext
        where TCase : class, ICase<object>
    {
        var caller = context.Caller();
        var today = clock.Today();
        return writer.ChangeAsync(
            id,
            CommandOrigin.Of(context),
            found =>
            {
                caller.EnsureCovers(found.Org);
                move(found, today);
            },
            changed => result(changed, today),
            context.CancellationToken);
    }

    /// <summary>
    /// Checks a request naming case <paramref name="id"/>: <paramref name="validate"/> reads the request's other fields
    /// into the same <see cref="InputCheck"/> (so one answer names every bad field) and returns the move, which is then
    /// applied as by the other overload.
    /// </summary>
    public static Task<TResult> ChangeCaseAsync<TContext, TCase, TResult>(
        this GroupCommitWriter<TContext, TCase> writer, string? id, ServerCallContext context, BusinessClock clock,
        Func<InputCheck, Action<TCase, DateOnly>> validate, Func<TCase, DateOnly, TResult> result)
        where TContext : DbContext
        where TCase : class, ICase<object>
    {
        var check = new InputCheck();
        var caseId = check.Id("id", id);
        var move = validate(check);
        check.ThrowIfInvalid();
        return writer.ChangeCaseAsync(caseId, context, clock, move, result);
    }

    /// <summary>Voids a case logged by mistake; the reason is required and kept in its audit trail.</summary>
    public static Task<TResult> VoidCaseAsync<TContext, TCase, TResult>(
        this GroupCommitWriter<TContext, TCase> writer, string? id, string? reason, ServerCallContext context, BusinessClock clock,
        Func<TCase, DateOnly, TResult> result)
        where TContext : DbContext
        where TCase : class, ICase<object>
    {
        return writer.ChangeCaseAsync(id, context, clock, check =>
        {
            var why = check.Text("reason", reason, MaxReason);
            context.SetAuditReason(why);
            return (c, _) => c.Void(why);
        }, result);
    }

    /// <summary>
    /// Creates a case of <paramref name="org"/> (which the caller must cover). A repeated create with the same
    /// requestId returns the case it created if <paramref name="isSameRequest"/> says it carries the same contents,
    /// and is ALREADY_EXISTS otherwise. Another unique index refusing the case (a business key such as a court's case
    /// number) is ALREADY_EXISTS with <paramref name="duplicateReason"/>.
    /// </summary>
    public static async Task<TResult> CreateCaseAsync<TContext, TCase, TResult>(
        this GroupCommitWriter<TContext, TCase> writer, TContext db, ServerCallContext context, BusinessClock clock,
        Guid requestId, string org, Func<DateOnly, TCase> create, Func<TCase, bool> isSameRequest, Func<TCase, DateOnly, TResult> result,
        string duplicateReason = "CASE_ALREADY_EXISTS")
        where TContext : DbContext
        where TCase : class, ICase<object>
    {
        context.Caller().EnsureCovers(org);
        var today = clock.Today();
        try
        {
            return await writer.AddAsync(CommandOrigin.Of(context), () => create(today), created => result(created, today), context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // The unique index, not a prior lookup, decides: two concurrent retries cannot both insert.
            var existing = await db.Set<TCase>().AsNoTracking()
                .SingleOrDefaultAsync(c => EF.Property<Guid>(c, nameof(ICase<object>.RequestId)) == requestId, context.CancellationToken);
            if (existing is null)
                throw new ConflictException($"The case duplicates an existing one ({unique.ConstraintName}).", duplicateReason);
            if (!isSameRequest(existing))
                throw new ConflictException($"requestId {requestId} was already used for case {existing.Id} with different contents.");
            return result(existing, today);
        }
    }
}
