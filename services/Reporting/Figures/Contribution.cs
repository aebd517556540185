namespace Fazhi.Reporting.Figures;

/// <summary>What one case adds to one daily counter: <paramref name="Delta"/> on <paramref name="Day"/>.</summary>
public readonly record struct Contribution(string Org, string Metric, DateOnly Day, int Delta);

public static class Contributions
{
    /// <summary>Sums equal keys and drops zeros, in key order (the order counters are locked in).</summary>
    public static IReadOnlyList<Contribution> Normalize(IEnumerable<Contribution> contributions) =>
        contributions
            .GroupBy(c => (c.Org, c.Metric, c.Day))
            .Select(g => new Contribution(g.Key.Org, g.Key.Metric, g.Key.Day, g.Sum(c => c.Delta)))
            .Where(c => c.Delta != 0)
            .OrderBy(c => c.Org, StringComparer.Ordinal).ThenBy(c => c.Metric, StringComparer.Ordinal).ThenBy(c => c.Day)
            .ToList();

    /// <summary>What to add to the counters to turn <paramref name="applied"/> into <paramref name="next"/>.</summary>
    public static IReadOnlyList<Contribution> Difference(IEnumerable<Contribution> applied, IEnumerable<Contribution> next) =>
        Normalize(next.Concat(applied.Select(c => c with { Delta = -c.Delta })));
}
