using System.Diagnostics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Errors;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fazhi.ServiceDefaults.Cases;

public sealed record RepublishResult(long Cases, int Messages, Guid RebuildId);

/// <summary>
/// Re-publishes the current state of every case through the outbox, a page of states per message
/// (<see cref="CasesRepublished{TEvent}"/>), so the reporting store can be rebuilt from scratch. Each page commits on
/// its own: a rebuild of a million cases never holds one huge transaction, and the relay starts publishing the first
/// pages while later ones are still being written. Cases changed meanwhile are harmless: their live events carry a
/// newer version.
/// </summary>
public sealed class CaseRepublisher<TContext, TCase, TEvent>
    where TContext : DbContext
    where TCase : class, ICase<TEvent>
    where TEvent : class
{
    public const int DefaultPageSize = 250;
    public const int MaxPageSize = 1000;

    private readonly TContext _db;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<TCase, DateOnly> _orderDate;
    private readonly string _firstPage;
    private readonly string _nextPage;

    /// <param name="order">
    /// The case's main business date. Pages run in (org, that date, id) order, so each page's cases share organisations
    /// and nearby dates and their contributions fall on few daily counters: reporting then sums them into few row updates.
    /// </param>
    public CaseRepublisher(TContext db, TimeProvider time, ILogger<CaseRepublisher<TContext, TCase, TEvent>> logger, CaseOrder<TCase> order)
    {
        _db = db;
        _time = time;
        _logger = logger;
        _orderDate = order.Date;
        var entity = db.Model.FindEntityType(typeof(TCase)) ?? throw new InvalidOperationException($"{typeof(TCase)} is not in {typeof(TContext)}'s model.");
        var table = entity.GetTableName();
        var date = entity.FindProperty(order.DateProperty)?.GetColumnName()
            ?? throw new InvalidOperationException($"{typeof(TCase)} has no mapped property {order.DateProperty}.");
        // Keyset pagination: names come from the model, values are parameters.
        _firstPage = $"SELECT * FROM {table} ORDER BY org, {date}, id LIMIT {{0}}";
        _nextPage = $"SELECT * FROM {table} WHERE (org, {date}, id) > ({{0}}, {{1}}, {{2}}) ORDER BY org, {date}, id LIMIT {{3}}";
    }

    /// <summary>Re-publishes every case; <paramref name="requestedPageSize"/> 0 means the default (INVALID_ARGUMENT outside 1..1000).</summary>
    public async Task<RepublishResult> RepublishAllAsync(int requestedPageSize, CancellationToken cancellationToken)
    {
        var check = new InputCheck();
        var pageSize = requestedPageSize == 0 ? DefaultPageSize : check.Range("pageSize", requestedPageSize, 1, MaxPageSize);
        check.ThrowIfInvalid();

        var rebuildId = Guid.CreateVersion7();
        var started = _time.GetTimestamp();
        long cases = 0;
        var messages = 0;
        TCase? last = null;
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (true)
        {
            var page = await (last is null
                    ? _db.Set<TCase>().FromSqlRaw(_firstPage, pageSize)
                    : _db.Set<TCase>().FromSqlRaw(_nextPage, last.Org, _orderDate(last), last.Id, pageSize))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (page.Count == 0) break;

            var now = _time.GetUtcNow();
            var republished = new CasesRepublished<TEvent>
            {
                RebuildId = rebuildId,
                Cases = page.Select(c => c.ToChangedEvent(now)).ToList(),
            };
            _db.Add(OutboxMessage.For(republished, now, Activity.Current?.Id));
            await _db.SaveChangesAsync(cancellationToken);
            _db.ChangeTracker.Clear();

            cases += page.Count;
            messages++;
            last = page[^1];
        }
        _logger.LogInformation("Rebuild {RebuildId}: {Cases} {Case} states re-published in {Messages} messages in {Elapsed}",
            rebuildId, cases, typeof(TCase).Name, messages, _time.GetElapsedTime(started));
        return new RepublishResult(cases, messages, rebuildId);
    }
}

/// <summary>The business date a service's cases are re-published in order of (see <see cref="CaseRepublisher{TContext,TCase,TEvent}"/>).</summary>
public sealed record CaseOrder<TCase>(string DateProperty, Func<TCase, DateOnly> Date);
