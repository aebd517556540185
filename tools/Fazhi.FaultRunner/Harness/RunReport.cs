using Fazhi.FaultRunner.Faults;

namespace Fazhi.FaultRunner.Harness;

/// <summary>What a run did and found, printed at its end: the workload, each fault with its timing, each check.</summary>
public sealed class RunReport(RunnerOptions options)
{
    public TimeSpan Startup { get; set; }
    public TimeSpan WorkloadDone { get; set; }
    public TimeSpan Total { get; set; }
    public Workload? Workload { get; set; }
    public FaultContext? Context { get; set; }
    public string? WorkloadError { get; set; }
    public string? Aborted { get; set; }
    public List<FaultRecord> Faults { get; } = [];
    public List<CheckResult> Checks { get; } = [];
    public List<string> Crashes { get; } = [];

    /// <summary>Why the run failed, one reason each; empty when it passed.</summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        if (Aborted is not null) failures.Add($"aborted: {Aborted}");
        if (WorkloadError is not null) failures.Add($"workload: {WorkloadError}");
        failures.AddRange(Crashes.Select(c => $"service crash: {c}"));
        failures.AddRange(Faults.Where(f => !f.Ok).Select(f => $"fault {f.Name} (cycle {f.Cycle}): {f.Error}"));
        failures.AddRange(Checks.Where(c => !c.Ok).Select(c => $"check {c.Name}: {c.Summary}"));
        var missing = options.Faults.Except(Faults.Select(f => f.Name)).ToList();
        if (Aborted is null && missing.Count > 0) failures.Add($"faults not injected: {string.Join(", ", missing)}");
        if (Aborted is null && Checks.Count == 0) failures.Add("no check ran");
        return failures;
    }

    // An error's first line; the console above it has the whole message (a service log's tail, a stack).
    private static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].TrimEnd();
        return line.Length > 240 ? line[..240] + "…" : line;
    }

    /// <summary>Prints the report; answers the exit code (0 only when everything passed).</summary>
    public int Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine("==================== fault run report ====================");
        o.WriteLine($"total {Total.TotalSeconds:0.0} s: servers and services up in {Startup.TotalSeconds:0.0} s, workload and faults until " +
            $"{WorkloadDone.TotalSeconds:0.0} s, checks {Math.Max(0, (Total - WorkloadDone).TotalSeconds):0.0} s (teardown after)");

        if (Aborted is not null) o.WriteLine($"ABORTED: {FirstLine(Aborted)}");
        o.WriteLine();
        o.WriteLine("workload:");
        if (Workload is { } w)
        {
            o.WriteLine($"  {w.Rounds.Count} round(s) of the demo year (seed {options.Seed}, {options.Parallel} cases in flight per service), " +
                $"{w.Elapsed.TotalSeconds:0.0} s");
            foreach (var r in w.Rounds)
            {
                o.WriteLine($"  round {r.Number}: {string.Join(" + ", r.Plan.Districts.Select(d => $"{d.Profile.Name} profile as {d.Org}"))}: " +
                    $"{(r.Completed ? $"completed in {r.Elapsed.TotalSeconds:0.0} s" : "NOT completed")}, {r.Attempts} attempt(s)");
                foreach (var i in r.Interruptions) o.WriteLine($"    interrupted at {i}");
            }
            o.WriteLine($"  requests: {w.Requests} ({string.Join(", ", w.Apis.All.Select(a => $"{a.Service} {a.Requests}"))}); " +
                $"{w.Retries} retried by the client, {w.RefusedConnections} waited for a refused connection, {w.CaseResumes} case blocks run again " +
                $"after a lost answer, {w.Resumes} round resumes");
        }
        if (WorkloadError is not null) o.WriteLine($"  FAILED: {FirstLine(WorkloadError)}");

        o.WriteLine();
        o.WriteLine($"faults ({Faults.Count}; hostile events sent: {Context?.HostileSent ?? 0}):");
        foreach (var f in Faults)
        {
            o.WriteLine($"  [{f.Start:HH:mm:ss}] {f.Name}{(options.Soak is null ? "" : $" (cycle {f.Cycle})")}, {f.Duration.TotalSeconds:0.0} s: {(f.Ok ? "" : "FAILED: " + FirstLine(f.Error!) + "\n      ")}{f.Observed}");
        }

        if (Crashes.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("services that died by themselves (not killed by the runner):");
            foreach (var c in Crashes) o.WriteLine($"  {c}");
        }

        o.WriteLine();
        o.WriteLine("checks:");
        foreach (var c in Checks)
        {
            o.WriteLine($"  {(c.Ok ? "passed" : "FAILED")}  {c.Name} ({c.Elapsed.TotalSeconds:0.0} s): {c.Summary}");
            foreach (var d in c.Details.Take(50)) o.WriteLine($"      {d}");
            if (c.Details.Count > 50) o.WriteLine($"      … and {c.Details.Count - 50} more");
        }

        var failures = Failures();
        o.WriteLine();
        if (failures.Count == 0)
        {
            o.WriteLine("fault run: PASSED");
            return 0;
        }
        o.WriteLine($"fault run: FAILED ({string.Join("; ", failures.Select(FirstLine))})");
        return 1;
    }
}
