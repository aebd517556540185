using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>
/// Adds rows that must be saved with a context's tracked changes (audit entries, outbox rows) inside every
/// SaveChanges, sync or async, before anything is written. A writer that saves without SaveChanges
/// (<see cref="BatchedSave"/>) asks for the same rows through <see cref="RowsFor"/> and writes them itself.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    /// <summary>The rows to save with the added and modified entities <paramref name="context"/> tracks.</summary>
    public abstract IReadOnlyList<object> RowsFor(DbContext context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) AddRows(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) AddRows(context);
        return ValueTask.FromResult(result);
    }

    private void AddRows(DbContext context)
    {
        foreach (var row in RowsFor(context)) context.Add(row);
    }
}
