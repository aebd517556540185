using System.Diagnostics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reconsideration.Domain;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Reconsideration.Infrastructure;

/// <summary>
/// Re-publishes the current state of every case through the outbox, a page of states per message, so the reporting
/// store can be rebuilt from scratch. Each page commits on its own: a rebuild of a million cases never holds one
/// huge transaction, and the relay starts publishing the first pages while later ones are still being written.
/// Cases changed meanwhile are harmless: their live events carry a newer version.
/// </summary>
public sealed class CaseRepublisher(ReconsiderationDbContext db, TimeProvider time, ILogger<CaseRepublisher> logger)
{
    public const int DefaultPageSize = 250;

    public async Task<(long Cases, int Messages, Guid RebuildId)> RepublishAllAsync(int pageSize, CancellationToken cancellationToken)
    {
        var rebuildId = Guid.CreateVersion7();
        var started = time.GetTimestamp();
        long cases = 0;
        var messages = 0;
        ReconsiderationCase? last = null;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (true)
        {
            // In (org, receivedOn) order, so each page's cases share organisations and nearby dates and their
            // contributions fall on few daily counters: the reporting side then sums them into few row updates.
            var page = await (last is null
                    ? db.Cases.FromSql($"SELECT * FROM cases ORDER BY org, received_on, id LIMIT {pageSize}")
                    : db.Cases.FromSql($"SELECT * FROM cases WHERE (org, received_on, id) > ({last.Org}, {last.ReceivedOn}, {last.Id}) ORDER BY org, received_on, id LIMIT {pageSize}"))
                .AsNoTracking()
                .ToListAsync(cancellationToken);
            if (page.Count == 0) break;

            var now = time.GetUtcNow();
            var republished = new ReconsiderationCasesRepublished
            {
                RebuildId = rebuildId,
                Cases = page.Select(c => c.ToChangedEvent(now)).ToList(),
            };
            db.Add(OutboxMessage.For(republished, now, Activity.Current?.Id));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            cases += page.Count;
            messages++;
            last = page[^1];
        }
        logger.LogInformation("Rebuild {RebuildId}: {Cases} cases re-published in {Messages} messages in {Elapsed}",
            rebuildId, cases, messages, time.GetElapsedTime(started));
        return (cases, messages, rebuildId);
    }
}
