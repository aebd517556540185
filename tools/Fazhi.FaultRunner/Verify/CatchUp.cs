using System.Diagnostics;
using Npgsql;

namespace Fazhi.FaultRunner.Verify;

/// <summary>
/// Waits for reporting to reach every aggregate's domain version: reporting stores each case's applied version
/// (<c>projected_cases</c>, written in the transaction that changes the counters), so a case that never gets there is a
/// lost event, named by case. A case reporting holds at another version, or one no domain database has, is named too.
/// </summary>
public static class CatchUp
{
    public const int ListedLines = 20;

    public static async Task<IReadOnlyList<string>> WaitAsync(
        SystemUnderTest system, IReadOnlyList<TrueCase> truth, TimeSpan catchUp, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var nextReport = TimeSpan.FromSeconds(5);
        while (true)
        {
            var applied = await AppliedVersionsAsync(system, ct);
            var behind = Compare(truth, applied);
            if (behind.Count == 0)
            {
                log.WriteLine($"[audit] reporting holds every one of {truth.Count} aggregates at its domain version ({clock.Elapsed.TotalSeconds:0.0}s)");
                return [];
            }
            if (clock.Elapsed >= catchUp)
            {
                log.WriteLine($"[audit] after {clock.Elapsed.TotalSeconds:0.0}s {behind.Count} of {truth.Count} aggregates are not at their domain version in reporting");
                return behind.Count <= ListedLines
                    ? behind
                    : [.. behind.Take(ListedLines), $"… {behind.Count} aggregates in all are not at their domain version"];
            }
            if (clock.Elapsed >= nextReport)
            {
                log.WriteLine($"[audit] waiting for reporting: {behind.Count} of {truth.Count} aggregates behind ({clock.Elapsed.TotalSeconds:0}s)");
                nextReport += TimeSpan.FromSeconds(5);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    /// <summary>One line per aggregate whose version in reporting is not its domain version, domain order first.</summary>
    public static List<string> Compare(IReadOnlyList<TrueCase> truth, IReadOnlyDictionary<(string Source, Guid CaseId), long> applied)
    {
        var lines = new List<string>();
        var known = new HashSet<(string, Guid)>();
        foreach (var c in truth.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Org, StringComparer.Ordinal).ThenBy(c => c.CaseId))
        {
            known.Add((c.Source, c.CaseId));
            if (!applied.TryGetValue((c.Source, c.CaseId), out var version))
                lines.Add($"{c.Source} {c.Kind} {c.CaseId} ({c.Org}): domain version {c.Version}, reporting has none");
            else if (version != c.Version)
                lines.Add($"{c.Source} {c.Kind} {c.CaseId} ({c.Org}): domain version {c.Version}, reporting version {version}");
        }
        foreach (var ((source, caseId), version) in applied.OrderBy(a => a.Key.Source, StringComparer.Ordinal).ThenBy(a => a.Key.CaseId))
        {
            if (!known.Contains((source, caseId)))
                lines.Add($"{source} {caseId}: reporting holds version {version} of an aggregate no domain database has");
        }
        return lines;
    }

    /// <summary>Reporting's applied version of every case, by source.</summary>
    public static async Task<Dictionary<(string Source, Guid CaseId), long>> AppliedVersionsAsync(SystemUnderTest system, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(system.Databases[Services.Reporting]);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT source, case_id, version FROM projected_cases", connection);
        var applied = new Dictionary<(string, Guid), long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied[(reader.GetString(0), reader.GetGuid(1))] = reader.GetInt64(2);
        return applied;
    }
}
