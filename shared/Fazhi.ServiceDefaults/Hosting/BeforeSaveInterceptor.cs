using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.ServiceDefaults.Hosting;

/// <summary>
/// Runs <see cref="BeforeSave"/> inside every SaveChanges, sync or async, before anything is written; a writer that
/// saves without SaveChanges (<see cref="BatchedSave"/>) calls <see cref="AddRowsFor"/> itself.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract void BeforeSave(DbContext context);

    /// <summary>Adds to <paramref name="context"/> the rows that must be saved with its tracked changes.</summary>
    public void AddRowsFor(DbContext context) => BeforeSave(context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) BeforeSave(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) BeforeSave(context);
        return ValueTask.FromResult(result);
    }
}
