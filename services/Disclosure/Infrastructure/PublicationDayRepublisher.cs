using System.Diagnostics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Disclosure.Domain;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// The non-request half of a rebuild: every day's publication tally and every year's table-二 figures re-published
/// through the outbox a page at a time, as <see cref="CasesRepublished{TEvent}"/> under the rebuild of the requests,
/// so reporting counts each item once and each year's figures once.
/// </summary>
public sealed class PublicationDayRepublisher(DisclosureDbContext db, TimeProvider time)
{
    public Task<(long Days, int Messages)> RepublishAllAsync(Guid rebuildId, int pageSize, CancellationToken cancellationToken) =>
        RepublishAsync(rebuildId, after => (after is { } last ? db.PublicationDays.AsNoTracking().Where(d => d.Id.CompareTo(last) > 0) : db.PublicationDays.AsNoTracking())
            .OrderBy(d => d.Id).Take(pageSize).ToListAsync(cancellationToken), d => d.Id, (d, now) => d.ToChangedEvent(now), cancellationToken);

    public Task<(long Years, int Messages)> RepublishStatisticsAsync(Guid rebuildId, int pageSize, CancellationToken cancellationToken) =>
        RepublishAsync(rebuildId, after => (after is { } last ? db.Statistics.AsNoTracking().Where(s => s.Id.CompareTo(last) > 0) : db.Statistics.AsNoTracking())
            .OrderBy(s => s.Id).Take(pageSize).ToListAsync(cancellationToken), s => s.Id, (s, now) => s.ToChangedEvent(now), cancellationToken);

    private async Task<(long Count, int Messages)> RepublishAsync<T>(
        Guid rebuildId, Func<Guid?, Task<List<T>>> nextPage, Func<T, Guid> id, Func<T, DateTimeOffset, DisclosureCaseChanged> toEvent,
        CancellationToken cancellationToken)
    {
        long count = 0;
        var messages = 0;
        Guid? after = null;
        while (true)
        {
            var page = await nextPage(after);
            if (page.Count == 0) return (count, messages);
            var now = time.GetUtcNow();
            db.Add(OutboxMessage.For(new CasesRepublished<DisclosureCaseChanged>
            {
                RebuildId = rebuildId,
                Cases = page.Select(item => toEvent(item, now)).ToList(),
            }, now, Activity.Current?.Id));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += page.Count;
            messages++;
            after = id(page[^1]);
        }
    }
}
