using System.Globalization;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;

namespace Fazhi.FaultRunner.Verify;

/// <summary>What the end-of-run comparison found (see <see cref="FigureAudit.RunAsync"/>).</summary>
/// <param name="Compared">Figures compared (metric × org × year).</param>
/// <param name="Differences">One line per figure that differs: org, year, metric, true value, reporting's value.</param>
/// <param name="CasesBehind">Cases whose version in reporting is not the domain database's version, one line each.</param>
public sealed record FigureAuditResult(int Compared, IReadOnlyList<string> Differences, IReadOnlyList<string> CasesBehind)
{
    public bool Ok => Differences.Count == 0 && CasesBehind.Count == 0;
}

/// <summary>
/// Recomputes the true figures from the domain databases and compares them with reporting's, metric by metric and org
/// by org. The truth never passes through the path under test (outbox, broker, consumers, reporting's store): every
/// aggregate is read from its service's database with the service's own model, turned into its state event, and counted
/// by reporting's pure rules (its source registrations, <see cref="ReportSources.Registered"/>) into a fresh
/// <see cref="CounterMirror"/>, summed as the YTD query sums (period counters over 1 January to 31 December, state
/// counters up to 31 December, an org code as a prefix so a city sums its districts) and composed into the keys.
/// </summary>
public static class FigureAudit
{
    /// <summary>Rates are compared within this; counts are integers, so they must be equal.</summary>
    public const double Tolerance = 1e-9;

    /// <param name="orgs">The orgs to compare: each district and each city prefix (4 digits) above them.</param>
    /// <param name="years">The years to compare, each read as of its 31 December.</param>
    /// <param name="catchUp">How long to wait for reporting to reach every case's domain version before comparing.</param>
    public static async Task<FigureAuditResult> RunAsync(SystemUnderTest system, IReadOnlyList<string> orgs, IReadOnlyList<int> years,
        TimeSpan catchUp, TextWriter log, CancellationToken ct)
    {
        var sources = ReportSources.Registered();
        var truth = await DomainTruth.LoadAsync(system, sources, ct);
        log.WriteLine($"[audit] domain databases hold {truth.Count} aggregates: "
            + string.Join(", ", truth.GroupBy(c => (c.Source, c.Kind)).Select(g => $"{g.Key.Source} {g.Key.Kind} {g.Count()}")));
        var behind = await CatchUp.WaitAsync(system, truth, catchUp, log, ct);
        var expected = TrueFigures(truth, sources, orgs, years);

        using var reporting = new ReportingFigures(system);
        List<string> differences;
        // Reporting updates its in-memory counters right after each commit: a case caught up a moment ago may still be
        // on its way into the answer. Differences are read again a few times before they are believed.
        for (var attempt = 1; ; attempt++)
        {
            differences = [];
            foreach (var ((org, year), figures) in expected)
            {
                var actual = await reporting.YearToDateAsync(org, year, ct);
                differences.AddRange(Compare(org, year, figures, actual));
            }
            if (differences.Count == 0 || attempt == 3) break;
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        var compared = expected.Sum(e => e.Value.Count);
        log.WriteLine($"[audit] {compared} figures compared ({orgs.Count} orgs × {years.Count} years): "
            + $"{differences.Count} differ, {behind.Count} lines of aggregates behind");
        foreach (var line in differences) log.WriteLine("[audit]   " + line);
        foreach (var line in behind) log.WriteLine("[audit]   behind: " + line);
        return new FigureAuditResult(compared, differences, behind);
    }

    /// <summary>The figures the domain databases' aggregates make, by (org, year), as reporting's YTD answer composes them.</summary>
    public static SortedDictionary<(string Org, int Year), SortedDictionary<string, double>> TrueFigures(
        IReadOnlyList<TrueCase> truth, ReportSources sources, IReadOnlyList<string> orgs, IReadOnlyList<int> years)
    {
        var mirror = new CounterMirror();
        // Totals only: a breakdown row (a contribution with a dimension) is never part of the YTD figures.
        mirror.Apply(truth.SelectMany(c => c.Contributions).Where(c => !c.IsBreakdown));
        var figures = new SortedDictionary<(string, int), SortedDictionary<string, double>>(
            Comparer<(string Org, int Year)>.Create((a, b) => string.CompareOrdinal(a.Org, b.Org) is var o and not 0 ? o : a.Year.CompareTo(b.Year)));
        foreach (var org in orgs)
        {
            foreach (var year in years)
            {
                var sums = mirror.Sum(org, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), sources.PeriodCounters, sources.StateCounters);
                figures[(org, year)] = sources.Compose(sums);
            }
        }
        return figures;
    }

    /// <summary>One line per key that differs or is missing on either side.</summary>
    public static IEnumerable<string> Compare(string org, int year, IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, double> actual)
    {
        foreach (var key in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var hasTrue = expected.TryGetValue(key, out var t);
            var hasReported = actual.TryGetValue(key, out var r);
            if (hasTrue && hasReported && (t == r || Math.Abs(t - r) <= Tolerance)) continue;
            var trueText = hasTrue ? Format(t) : "missing";
            var reportedText = hasReported ? Format(r) : "missing";
            var delta = hasTrue && hasReported ? $" ({Signed(r - t)})" : "";
            yield return $"{org} {year} {key}: true {trueText}, reporting {reportedText}{delta}";
        }
    }

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    private static string Signed(double delta) => delta < 0 ? "\u2212" + Format(-delta) : "+" + Format(delta);
}
