namespace Fazhi.Reporting.Figures;

/// <summary>
/// What one case adds to one daily counter: <paramref name="Delta"/> on <paramref name="Day"/>. Without a
/// <paramref name="Dimension"/> it is a total (daily_counters, the YTD figures); with one ("department:&lt;id&gt;",
/// "file_type:FILE_TYPE_PENALTY") it is the same figure within one row of a breakdown (daily_breakdowns), never part of
/// the totals.
/// </summary>
public readonly record struct Contribution(string Org, string Metric, DateOnly Day, int Delta, string? Dimension = null)
{
    public bool IsBreakdown => Dimension is not null;
}

public static class Contributions
{
    /// <summary>Sums equal keys and drops zeros, in key order (the order counters are locked in).</summary>
    public static IReadOnlyList<Contribution> Normalize(IEnumerable<Contribution> contributions) =>
        contributions
            .GroupBy(c => (c.Org, c.Metric, c.Day, c.Dimension))
            .Select(g => new Contribution(g.Key.Org, g.Key.Metric, g.Key.Day, g.Sum(c => c.Delta), g.Key.Dimension))
            .Where(c => c.Delta != 0)
            .OrderBy(c => c.Org, StringComparer.Ordinal).ThenBy(c => c.Metric, StringComparer.Ordinal).ThenBy(c => c.Day)
            .ThenBy(c => c.Dimension, StringComparer.Ordinal)
            .ToList();

    /// <summary>What to add to the counters to turn <paramref name="applied"/> into <paramref name="next"/>.</summary>
    public static IReadOnlyList<Contribution> Difference(IEnumerable<Contribution> applied, IEnumerable<Contribution> next) =>
        Normalize(next.Concat(applied.Select(c => c with { Delta = -c.Delta })));
}
