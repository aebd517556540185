using MassTransit;

namespace Fazhi.Reporting.Sources;

/// <summary>Every registered source, and the figures of all of them together.</summary>
public sealed class ReportSources
{
    private readonly List<ReportSource> _all = [];

    /// <summary>
    /// Every service whose cases feed the figures: one registration each, nothing else names a source. Reporting
    /// registers exactly this list, and the fault runner recomputes the true figures with it.
    /// </summary>
    public static ReportSources Registered() => new ReportSources()
        .Add(ReconsiderationSource.Create())
        .Add(LitigationSource.Create())
        .Add(EnforcementSource.Create())
        .Add(DisclosureSource.Create());

    public IReadOnlyList<ReportSource> All => _all;

    /// <summary>Every source's period counters, for the queries.</summary>
    public string[] PeriodCounters { get; private set; } = [];

    /// <summary>Every source's state counters, for the queries.</summary>
    public string[] StateCounters { get; private set; } = [];

    public ReportSources Add(ReportSource source)
    {
        if (_all.Any(s => s.Name == source.Name)) throw new InvalidOperationException($"Report source {source.Name} is registered twice.");
        var foreign = source.PeriodCounters.Concat(source.StateCounters).Where(m => !m.StartsWith(source.Name + ".", StringComparison.Ordinal)).ToList();
        // Reset deletes a source's counters by its prefix, so a counter outside it would survive a reset.
        if (foreign.Count > 0) throw new InvalidOperationException($"Counters of {source.Name} outside its prefix: {string.Join(", ", foreign)}.");
        _all.Add(source);
        PeriodCounters = [.. _all.SelectMany(s => s.PeriodCounters)];
        StateCounters = [.. _all.SelectMany(s => s.StateCounters)];
        return this;
    }

    public bool Contains(string name) => _all.Any(s => s.Name == name);

    /// <summary>Every source's published keys from the counter sums, in key order.</summary>
    public SortedDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var source in _all)
        {
            foreach (var (key, value) in source.Compose(sums)) figures[key] = value;
        }
        return figures;
    }

    internal void AddConsumers(IBusRegistrationConfigurator bus)
    {
        foreach (var source in _all) source.AddConsumers(bus);
    }
}
