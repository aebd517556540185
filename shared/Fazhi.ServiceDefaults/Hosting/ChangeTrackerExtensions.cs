using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.ServiceDefaults.Hosting;

public static class ChangeTrackerExtensions
{
    /// <summary>
    /// The tracked entries of type <typeparamref name="T"/> after one pass of change detection. Interceptors run
    /// just before SaveChanges detects changes itself; letting each of their queries detect again would repeat the
    /// full pass on every command for nothing. With automatic detection off, the caller has detected changes itself
    /// (EF's own rule), and no pass is made here at all.
    /// </summary>
    public static List<EntityEntry<T>> EntriesDetectedOnce<T>(this DbContext context) where T : class
    {
        var tracker = context.ChangeTracker;
        if (!tracker.AutoDetectChangesEnabled) return tracker.Entries<T>().ToList();
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<T>().ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = true;
        }
    }
}
