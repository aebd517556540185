using System.Globalization;
using System.Runtime.InteropServices;
using Fazhi.Bench;
using Fazhi.Bench.Hosting;
using Fazhi.Bench.Output;
using Fazhi.Bench.Workloads;

// The table's numbers and the routes' dates must not depend on the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
IReadOnlyList<IWorkload> workloads;
try
{
    options = BenchOptions.Parse(args);
    workloads = WorkloadRegistry.Select(options.Only);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var repoRoot = FindRepoRoot();
var runDirectory = Path.Combine(repoRoot, "bench", ".run");
var resultsDirectory = Path.Combine(repoRoot, "bench", "results");
Directory.CreateDirectory(runDirectory);
Directory.CreateDirectory(resultsDirectory);

// Ctrl+C or SIGTERM: stop the workloads, then the normal path stops the services and drops the bench databases.
// A second Ctrl+C ends the process at once (ProcessExit still kills the services).
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupted.IsCancellationRequested;
    Console.Error.WriteLine("[bench] interrupted: stopping the services and cleaning up");
    interrupted.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    interrupted.Cancel();
});

var run = RunInfo.Capture(repoRoot, args);
var figures = new List<Figure>();
var notes = new List<string>();
var failed = false;
try
{
    await using var system = await BenchSystem.StartAsync(repoRoot, runDirectory, options.Keep, interrupted.Token);
    using var context = new BenchContext(options, system, notes);
    foreach (var workload in workloads)
    {
        Console.WriteLine($"[bench] == {workload.Name}");
        var cpu = context.NewCpuMeter();
        cpu.Start();
        try
        {
            figures.AddRange(await workload.RunAsync(context, interrupted.Token));
            // The figures assume the machine is the system's alone; say so when something else (a build) took CPU.
            var foreign = cpu.Stop().CoresByGroup["other"];
            if (foreign > 0.2)
                notes.Add($"{workload.Name}: processes outside the measured system used {foreign:0.00} cores on average meanwhile; its figures are pessimistic");
        }
        catch (Exception ex) when (!interrupted.IsCancellationRequested)
        {
            // One broken workload (say, a route the lead is still changing) must not cost the others' figures.
            failed = true;
            Console.Error.WriteLine($"[bench] {workload.Name} failed: {ex}");
            figures.Add(Figure.NotMeasured(workload.Name, "", $"failed: {ex.GetType().Name}: {ex.Message}"));
            notes.Add($"{workload.Name} failed: {ex.Message} (service logs: bench/.run/*.log)");
        }
    }
    var crashed = system.Services.Where(s => s.HasExited).Select(s => s.Name).ToList();
    if (crashed.Count > 0) notes.Add($"service process(es) exited during the run: {string.Join(", ", crashed)}");
}
catch (Exception) when (interrupted.IsCancellationRequested)
{
    // Cancelled calls surface as RpcException(Cancelled) or OperationCanceledException: either way, interrupted.
    Console.Error.WriteLine("[bench] interrupted: no results written");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"[bench] could not run: {ex.Message}");
    return 1;
}

if (interrupted.IsCancellationRequested) return 130;
var table = MarkdownReport.Render(run, figures, notes);
Console.WriteLine();
Console.WriteLine(table);
// A run of only-when-asked workloads (the overload check) must not replace the record's table with its few rows.
var latest = Path.Combine(resultsDirectory, workloads.All(w => w.OnlyWhenAsked) ? string.Join('+', workloads.Select(w => w.Name)) + ".md" : "latest.md");
await File.WriteAllTextAsync(latest, table);
Console.WriteLine($"[bench] written to {Path.GetRelativePath(repoRoot, latest)}");
// A failed correctness check (the overload's ledger) fails the run, as a workload that threw does.
return failed || figures.Any(f => f.Verdict == Verdict.Fail) ? 1 : 0;

static string FindRepoRoot()
{
    if (Environment.GetEnvironmentVariable("FAZHI_REPO") is { Length: > 0 } fromScript) return fromScript;
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Fazhi.sln"))) return dir.FullName;
    throw new InvalidOperationException("cannot find the repository (Fazhi.sln) above " + AppContext.BaseDirectory);
}
