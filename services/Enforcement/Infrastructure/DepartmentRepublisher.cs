using System.Diagnostics;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Enforcement.Infrastructure;

/// <summary>
/// The department half of a rebuild: every department's current name re-published through the outbox a page at a
/// time, under the rebuild of the reviews, so reporting's breakdowns name departments again after a reset.
/// </summary>
public sealed class DepartmentRepublisher(EnforcementDbContext db, TimeProvider time)
{
    public async Task<(long Departments, int Messages)> RepublishAllAsync(Guid rebuildId, int pageSize, CancellationToken cancellationToken)
    {
        long departments = 0;
        var messages = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Departments.AsNoTracking();
            if (after is { } last) query = query.Where(d => d.Id.CompareTo(last) > 0);
            var page = await query.OrderBy(d => d.Id).Take(pageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) return (departments, messages);
            var now = time.GetUtcNow();
            db.Add(OutboxMessage.For(new CasesRepublished<EnforcementCaseChanged>
            {
                RebuildId = rebuildId,
                Cases = page.Select(d => d.ToChangedEvent(now)).ToList(),
            }, now, Activity.Current?.Id));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            departments += page.Count;
            messages++;
            after = page[^1].Id;
        }
    }
}
