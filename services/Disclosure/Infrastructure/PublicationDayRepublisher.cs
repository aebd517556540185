using System.Diagnostics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// The publication half of a rebuild: every day's tally re-published through the outbox a page at a time, as
/// <see cref="CasesRepublished{TEvent}"/> under the rebuild of the requests, so reporting counts each item once.
/// </summary>
public sealed class PublicationDayRepublisher(DisclosureDbContext db, TimeProvider time)
{
    public async Task<(long Days, int Messages)> RepublishAllAsync(Guid rebuildId, int pageSize, CancellationToken cancellationToken)
    {
        long days = 0;
        var messages = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.PublicationDays.AsNoTracking();
            if (after is { } last) query = query.Where(d => d.Id.CompareTo(last) > 0);
            var page = await query.OrderBy(d => d.Id).Take(pageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) return (days, messages);
            var now = time.GetUtcNow();
            db.Add(OutboxMessage.For(new CasesRepublished<DisclosureCaseChanged>
            {
                RebuildId = rebuildId,
                Cases = page.Select(d => d.ToChangedEvent(now)).ToList(),
            }, now, Activity.Current?.Id));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            days += page.Count;
            messages++;
            after = page[^1].Id;
        }
    }
}
