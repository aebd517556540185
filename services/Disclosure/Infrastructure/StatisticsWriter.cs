using Fazhi.Disclosure.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// Puts an organisation's table-二 figures for a year: the first put inserts them, a later one replaces them (audit
/// entry and state event in the same transaction, by the interceptors), an identical one saves nothing. Two puts
/// racing on the same year collide on the primary key or the version and the loser runs again on fresh state, so the
/// last to commit wins and neither is lost half-way.
/// </summary>
public sealed class StatisticsWriter(DisclosureDbContext db)
{
    private const int MaxAttempts = 4;

    public async Task<DisclosureStatistics> PutAsync(string org, int year, TableTwoFigures figures, CancellationToken cancellationToken)
    {
        var id = DisclosureStatistics.IdOf(org, year);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var statistics = await db.Statistics.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
                if (statistics is null) db.Statistics.Add(statistics = DisclosureStatistics.Record(org, year, figures));
                else if (!statistics.Replace(figures)) return statistics;
                await db.SaveChangesAsync(cancellationToken);
                return statistics;
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
