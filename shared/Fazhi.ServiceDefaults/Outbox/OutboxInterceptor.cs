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

    protected override void BeforeSave(DbContext context)
    {
        var changed = context.EntriesDetectedOnce<IPublishesIntegrationState>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .ToList();
        if (changed.Count == 0) return;

        var now = time.GetUtcNow();
        foreach (var aggregate in changed)
        {
            var traceParent = CommandOrigin.AttachedTo(aggregate)?.TraceParent ?? Activity.Current?.Id;
            context.Add(OutboxMessage.For(aggregate.ToIntegrationEvent(now), now, traceParent));
        }
    }
}
