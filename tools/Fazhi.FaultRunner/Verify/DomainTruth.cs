using Fazhi.Disclosure.Infrastructure;
using Fazhi.Enforcement.Infrastructure;
using Fazhi.Litigation.Infrastructure;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Sources;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.FaultRunner.Verify;

/// <summary>One aggregate as its domain database holds it, and what reporting's rules say it contributes.</summary>
/// <param name="Source">The report source (and projection) it belongs to: the service's name.</param>
/// <param name="Kind">Which of the source's aggregates it is (case, review, campaign, department, request, …).</param>
public sealed record TrueCase(string Source, string Kind, Guid CaseId, long Version, string Org, IReadOnlyList<Contribution> Contributions);

/// <summary>
/// Every aggregate that publishes state to reporting, read from each domain service's own database with its own model,
/// turned into its state event (<c>ToChangedEvent</c>) and into contributions by reporting's own source registrations.
/// Nothing here passes through the outbox, the broker or reporting's store: it is what the figures must be.
/// </summary>
public static class DomainTruth
{
    public static async Task<List<TrueCase>> LoadAsync(SystemUnderTest system, ReportSources sources, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var cases = new List<TrueCase>();
        await using (var db = DomainDatabase<ReconsiderationDbContext>.Open(system.Databases[Services.Reconsideration]))
        {
            await AddAsync(cases, sources, "case", db.Context.Cases, c => c.Org, c => c.ToChangedEvent(now), ct);
        }
        await using (var db = DomainDatabase<LitigationDbContext>.Open(system.Databases[Services.Litigation]))
        {
            await AddAsync(cases, sources, "case", db.Context.Cases, c => c.Org, c => c.ToChangedEvent(now), ct);
        }
        await using (var db = DomainDatabase<EnforcementDbContext>.Open(system.Databases[Services.Enforcement]))
        {
            await AddAsync(cases, sources, "review", db.Context.Reviews, r => r.Org, r => r.ToChangedEvent(now), ct);
            await AddAsync(cases, sources, "campaign", db.Context.Campaigns, c => c.Org, c => c.ToChangedEvent(now), ct);
            await AddAsync(cases, sources, "department", db.Context.Departments, d => d.Org, d => d.ToChangedEvent(now), ct);
        }
        await using (var db = DomainDatabase<DisclosureDbContext>.Open(system.Databases[Services.Disclosure]))
        {
            await AddAsync(cases, sources, "request", db.Context.Requests, r => r.Org, r => r.ToChangedEvent(now), ct);
            await AddAsync(cases, sources, "publication day", db.Context.PublicationDays, d => d.Org, d => d.ToChangedEvent(now), ct);
            await AddAsync(cases, sources, "statistics", db.Context.Statistics, s => s.Org, s => s.ToChangedEvent(now), ct);
        }
        return cases;
    }

    /// <summary>The registration of the source whose events are <typeparamref name="TEvent"/>.</summary>
    public static ReportSource<TEvent> SourceOf<TEvent>(ReportSources sources) where TEvent : class =>
        sources.All.OfType<ReportSource<TEvent>>().SingleOrDefault()
        ?? throw new InvalidOperationException($"Reporting registers no source of {typeof(TEvent).Name}.");

    private static async Task AddAsync<TAggregate, TEvent>(
        List<TrueCase> cases, ReportSources sources, string kind, IQueryable<TAggregate> aggregates,
        Func<TAggregate, string> org, Func<TAggregate, TEvent> toEvent, CancellationToken ct)
        where TAggregate : class
        where TEvent : class
    {
        var source = SourceOf<TEvent>(sources);
        await foreach (var aggregate in aggregates.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var version = source.ToVersion(toEvent(aggregate));
            cases.Add(new TrueCase(source.Name, kind, version.CaseId, version.Version, org(aggregate), version.Contributions));
        }
    }
}
