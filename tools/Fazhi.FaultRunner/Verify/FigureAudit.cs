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
/// by org. PLACEHOLDER SIGNATURE: the implementation replaces the body.
/// </summary>
public static class FigureAudit
{
    /// <param name="orgs">The orgs to compare: each district and each city prefix (4 digits) above them.</param>
    /// <param name="years">The years to compare, each read as of its 31 December.</param>
    /// <param name="catchUp">How long to wait for reporting to reach every case's domain version before comparing.</param>
    public static Task<FigureAuditResult> RunAsync(SystemUnderTest system, IReadOnlyList<string> orgs, IReadOnlyList<int> years,
        TimeSpan catchUp, TextWriter log, CancellationToken ct) =>
        throw new NotImplementedException("FigureAudit is being written");
}
