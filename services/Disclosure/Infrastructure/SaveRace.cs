using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// A save that can lose a race with a concurrent one (on a unique index or an aggregate's version): the loser drops
/// what it tracked and runs again on fresh state, a few times, so neither writer is lost half-way.
/// </summary>
internal static class SaveRace
{
    private const int MaxAttempts = 4;

    public static async Task<T> RetryAsync<T>(DbContext db, Func<Task<T>> save)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await save();
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && IsRace(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static bool IsRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
