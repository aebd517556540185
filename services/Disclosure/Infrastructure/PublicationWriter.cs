using Fazhi.Disclosure.Domain;
using Fazhi.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// Records a batch of publications and their days' tallies in one SaveChanges, hence one transaction: all or nothing.
/// Items whose requestId is already recorded with the same contents are the retry of an earlier batch and are
/// returned, not counted again; with other contents they refuse the batch (ALREADY_EXISTS naming each item).
/// Batches of one organisation take turns: each holds a transaction-scoped advisory lock on its organisations (in code
/// order, so two batches never wait on each other crosswise) before it reads the days' tallies. Without it, a CMS
/// sending its batches in parallel made every batch but one collide on the same new day's tally and run again, over
/// and over. A collision that remains possible (the same requestId in two organisations' batches) still makes the
/// loser run again on fresh state.
/// </summary>
public sealed class PublicationWriter(DisclosureDbContext db)
{
    public Task<IReadOnlyList<Publication>> RecordAsync(IReadOnlyList<PublicationInput> items, CancellationToken cancellationToken) =>
        SaveRace.RetryAsync(db, () => TryRecordAsync(items, cancellationToken));

    private async Task<IReadOnlyList<Publication>> TryRecordAsync(IReadOnlyList<PublicationInput> items, CancellationToken cancellationToken)
    {
        var requestIds = items.Select(i => i.RequestId).Distinct().ToList();
        var recorded = await db.Publications.AsNoTracking().Where(p => requestIds.Contains(p.RequestId)).ToDictionaryAsync(p => p.RequestId, cancellationToken);
        var reused = items.Select((item, index) => (item, index))
            .Where(x => recorded.TryGetValue(x.item.RequestId, out var earlier) && !earlier.IsSame(x.item))
            .Select(x => $"requests[{x.index}]")
            .ToList();
        if (reused.Count > 0)
            throw new ConflictException($"requestId already used for a different publication: {string.Join(", ", reused)}.");

        var created = new Dictionary<Guid, Publication>();
        foreach (var item in items.Where(i => !recorded.ContainsKey(i.RequestId)))
        {
            // The edge refuses a requestId repeated with different contents in one batch; repeated alike, it is one item.
            if (!created.ContainsKey(item.RequestId)) created[item.RequestId] = Publication.Record(item);
        }
        if (created.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var org in created.Values.Select(p => p.Org).Distinct().Order(StringComparer.Ordinal))
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"fazhi.publication_days/" + org}))", cancellationToken);
            await AddToTalliesAsync(created.Values, cancellationToken);
            db.Publications.AddRange(created.Values);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return items.Select(i => recorded.TryGetValue(i.RequestId, out var earlier) ? earlier : created[i.RequestId]).ToList();
    }

    private async Task AddToTalliesAsync(IEnumerable<Publication> created, CancellationToken cancellationToken)
    {
        var perDay = created.GroupBy(p => (p.Org, p.PublishedOn)).ToDictionary(g => g.Key, g => g.Count());
        var orgs = perDay.Keys.Select(k => k.Org).Distinct().ToList();
        var days = perDay.Keys.Select(k => k.PublishedOn).Distinct().ToList();
        var tallies = (await db.PublicationDays.Where(d => orgs.Contains(d.Org) && days.Contains(d.PublishedOn)).ToListAsync(cancellationToken))
            .ToDictionary(d => (d.Org, d.PublishedOn));
        foreach (var ((org, day), count) in perDay)
        {
            if (!tallies.TryGetValue((org, day), out var tally))
            {
                tally = PublicationDay.Start(org, day);
                db.PublicationDays.Add(tally);
            }
            tally.Add(count);
        }
    }

}
