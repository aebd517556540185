using Fazhi.Disclosure.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Disclosure.Infrastructure;

/// <summary>
/// Puts an organisation's table-二 figures for a year: the first put inserts them, a later one replaces them (audit
/// entry and state event in the same transaction, by the interceptors), an identical one saves nothing. Two puts
/// racing on the same year collide on the primary key or the version and the loser runs again on fresh state, so the
/// last to commit wins and neither is lost half-way.
/// </summary>
public sealed class StatisticsWriter(DisclosureDbContext db)
{
    public Task<DisclosureStatistics> PutAsync(string org, int year, TableTwoFigures figures, CancellationToken cancellationToken) =>
        SaveRace.RetryAsync(db, async () =>
        {
            var id = DisclosureStatistics.IdOf(org, year);
            var statistics = await db.Statistics.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (statistics is null) db.Statistics.Add(statistics = DisclosureStatistics.Record(org, year, figures));
            else if (!statistics.Replace(figures)) return statistics;
            await db.SaveChangesAsync(cancellationToken);
            return statistics;
        });
}
