using System.Diagnostics;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// Appends the state event of every added or modified <see cref="IPublishesIntegrationState"/> aggregate to the
/// outbox inside the same SaveChanges, hence the same transaction as the change itself.
/// </summary>
public sealed class OutboxInterceptor(TimeProvider time, OutboxSignal signal) : BeforeSaveInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        signal.Notify();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override IReadOnlyList<object> RowsFor(DbContext context)
    {
        var now = time.GetUtcNow();
        return context.EntriesDetectedOnce<IPublishesIntegrationState>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (object)OutboxMessage.For(
                e.Entity.ToIntegrationEvent(now), now, CommandOrigin.AttachedTo(e.Entity)?.TraceParent ?? Activity.Current?.Id))
            .ToList();
    }
}
