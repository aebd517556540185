using System.Diagnostics;
using Fazhi.Demo.Client;
using Fazhi.Demo.Plan;
using Fazhi.FaultRunner.Faults;
using Fazhi.FaultRunner.Verify;

namespace Fazhi.FaultRunner.Harness;

/// <summary>One end-of-run check: passed or not, a line of figures, and the differences.</summary>
public sealed record CheckResult(string Name, bool Ok, string Summary, IReadOnlyList<string> Details, TimeSpan Elapsed);

/// <summary>
/// The checks after the workload has finished and the faults have cleared: the true figures recomputed from the domain
/// databases against reporting's (every district and city, both years); each round's figures against its plan (the
/// demo's own check); and the dead letters against the hostile events sent.
/// </summary>
public sealed class RunChecks(SystemUnderTest system, Workload workload, FaultContext context, RunnerOptions options, TextWriter log)
{
    private static readonly int[] Years = [.. DistrictProfile.Years];

    public async Task RunAsync(RunReport report, CancellationToken ct)
    {
        report.Checks.Add(await CheckAsync("figures: domain databases vs reporting", FiguresAsync, ct));
        foreach (var round in workload.Rounds)
            report.Checks.Add(await CheckAsync($"plan vs reporting, round {round.Number} ({string.Join(" + ", round.Orgs)})", c => PlanAsync(round, c), ct));
        report.Checks.Add(await CheckAsync("dead letters", DeadLettersAsync, ct));
    }

    private async Task<CheckResult> CheckAsync(string name, Func<CancellationToken, Task<(bool Ok, string Summary, IReadOnlyList<string> Details)>> check, CancellationToken ct)
    {
        log.WriteLine($"[check] {name}");
        var clock = Stopwatch.StartNew();
        try
        {
            var (ok, summary, details) = await check(ct);
            log.WriteLine($"[check] {name}: {(ok ? "passed" : "FAILED")} — {summary}");
            return new CheckResult(name, ok, summary, details, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.WriteLine($"[check] {name}: could not run — {e.GetType().Name}: {e.Message}");
            return new CheckResult(name, false, $"could not run: {e.GetType().Name}: {e.Message}", [], clock.Elapsed);
        }
    }

    private async Task<(bool, string, IReadOnlyList<string>)> FiguresAsync(CancellationToken ct)
    {
        var orgs = workload.Orgs;
        var result = await FigureAudit.RunAsync(system, orgs, Years, options.CatchUp, log, ct);
        return (result.Ok,
            $"{result.Compared} figures compared over {orgs.Count} orgs ({string.Join(", ", orgs)}) × {string.Join(", ", Years)}: " +
            $"{result.Differences.Count} differ, {result.CasesBehind.Count} cases behind in reporting",
            [.. result.Differences.Select(d => $"differs: {d}"), .. result.CasesBehind.Select(c => $"behind: {c}")]);
    }

    private async Task<(bool, string, IReadOnlyList<string>)> PlanAsync(Round round, CancellationToken ct)
    {
        if (!round.Completed) return (false, $"round {round.Number} was not completed, so its plan cannot be compared", []);
        // The demo's check prints every key; the report keeps the mismatches, the work directory the full table.
        using var full = new StringWriter();
        var rows = await new FigureCheck(workload.Apis.Reporting, workload.Tokens, full).RunAsync(round.Plan, Years[^1], options.CatchUp, ct);
        await File.WriteAllTextAsync(Path.Combine(options.WorkDirectory, $"plan-check-round{round.Number}.txt"), full.ToString(), ct);
        var wrong = rows.Where(r => !r.Ok).ToList();
        return (wrong.Count == 0,
            $"{rows.Count - wrong.Count} of {rows.Count} planned figures as planned ({Years[^1]} and previousPeriod {Years[^1] - 1})",
            [.. wrong.Select(r => $"{r.Org} {(r.Previous ? "previousPeriod " : "")}{r.Key}: planned {r.Expected}, reporting {(r.Actual is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")}")]);
    }

    private async Task<(bool, string, IReadOnlyList<string>)> DeadLettersAsync(CancellationToken ct)
    {
        var result = await DeadLetterAudit.RunAsync(system, ct);
        var ok = result.Ok(context.HostileSent);
        return (ok,
            $"{result.Total} messages in _error queues, {result.Hostile} of them hostile (sent {context.HostileSent}), {result.Unexpected.Count} unexpected",
            [.. result.Unexpected.Select(u => $"unexpected: {u}")]);
    }
}
