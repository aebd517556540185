using Fazhi.FaultRunner.Harness;

// The fault runner (docs/architecture.md, "Fault runner"): a known workload under injected faults, then the figures
// checked against the truth in the domain databases. --help lists the options.
var (options, error) = RunnerOptions.Parse(args);
if (options is null || options.Help)
{
    (error is null ? Console.Out : Console.Error).WriteLine(error is null ? RunnerOptions.Usage : $"{error}\n\n{RunnerOptions.Usage}");
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
try
{
    return await new FaultRun(options, RepoRoot.Find()).RunAsync(cancel.Token);
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("fault run: interrupted");
    return 130;
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"fault run: FAILED (could not start: {e.Message})");
    return 1;
}
