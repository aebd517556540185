using System.Diagnostics;
using Fazhi.FaultRunner.Faults;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// A whole fault run: private servers up, services started, the workload running while the faults are injected one
/// after another, then the checks, the report, and everything torn down. Answers the process's exit code.
/// </summary>
public sealed class FaultRun(RunnerOptions options, string repoRoot)
{
    private readonly Stopwatch _clock = new();

    public async Task<int> RunAsync(CancellationToken ct)
    {
        _clock.Start();
        var report = new RunReport(options);
        var work = options.WorkDirectory;
        Console.WriteLine($"[run] work directory {work}; faults {string.Join(", ", options.Faults)}" +
            (options.Soak is { } soak ? $", repeated for {soak}" : ", one cycle"));

        // Only a directory a run made (or an empty one) is cleared: --work pointed at anything else is refused.
        if (Directory.Exists(work))
        {
            string[] ours = ["pg", "rmq", "services.pids", "workload.log", .. Services.All.Select(n => $"{n}.log")];
            if (Directory.EnumerateFileSystemEntries(work).Select(Path.GetFileName)
                .Any(e => !ours.Contains(e) && !e!.StartsWith("plan-check-round", StringComparison.Ordinal)))
                throw new InvalidOperationException($"{work} holds files no fault run made: choose another --work directory");
        }
        // What a crashed earlier run left: only its own processes, node and cluster, found through the work directory.
        ServiceFleet.KillLeftovers(work);
        var postgres = new PrivatePostgres(Path.Combine(work, "pg"), options.PostgresPort);
        var rabbit = new PrivateRabbit(Path.Combine(work, "rmq"), options.AmqpPort, options.ManagementPort, options.DistributionPort);
        await postgres.StopLeftoverAsync(ct);
        await rabbit.StopLeftoverAsync(ct);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);

        await Ports.RequireFreeAsync(options.PostgresPort, "the private PostgreSQL", ct);
        foreach (var port in new[] { options.AmqpPort, options.ManagementPort, options.DistributionPort })
            await Ports.RequireFreeAsync(port, "the private RabbitMQ", ct);
        var fleet = new ServiceFleet(options, repoRoot, postgres, rabbit);
        // If the runner is stopped outright (Ctrl+C twice, a CI timeout's SIGTERM), the children go with it.
        using var exit = new ProcessExitHook(fleet.KillAllNow);
        try
        {
            var servers = Stopwatch.StartNew();
            await Task.WhenAll(postgres.StartAsync(ct), rabbit.StartAsync(ct));
            Console.WriteLine($"[servers] PostgreSQL on 127.0.0.1:{options.PostgresPort} and RabbitMQ node {PrivateRabbit.Node} on :{options.AmqpPort} " +
                $"(management :{options.ManagementPort}) up in {servers.Elapsed.TotalSeconds:0.0} s");
            await fleet.StartAllAsync(TimeSpan.FromSeconds(120), ct);
            report.Startup = _clock.Elapsed;

            await using var demoLog = new StreamWriter(Path.Combine(work, "workload.log")) { AutoFlush = true };
            var workload = new Workload(options, fleet, Console.Out, TextWriter.Synchronized(demoLog));
            var context = new FaultContext(fleet.System, postgres, rabbit, fleet, options, Console.Out);
            report.Workload = workload;
            report.Context = context;

            var faultsDone = false;
            var load = workload.RunAsync(() => !Volatile.Read(ref faultsDone), ct);
            try
            {
                await InjectFaultsAsync(context, workload, report, load, ct);
            }
            finally
            {
                Volatile.Write(ref faultsDone, true);
            }
            try
            {
                await load;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                report.WorkloadError = e.Message;
            }
            report.WorkloadDone = _clock.Elapsed;

            // The faults have cleared (each waited for it); make sure before judging.
            await fleet.WaitAllReadyAsync(TimeSpan.FromMinutes(2), ct);
            await new RunChecks(fleet.System, workload, context, options, Console.Out).RunAsync(report, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            report.Aborted = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            lock (fleet.Crashes) report.Crashes.AddRange(fleet.Crashes);
            report.Total = _clock.Elapsed;
            await TearDownAsync(fleet, postgres, rabbit, failed: report.Failures().Count > 0);
        }
        return report.Print(Console.Out);
    }

    /// <summary>One cycle of the faults (or cycles until the soak's time is up), each after a gap of workload alone.</summary>
    private async Task InjectFaultsAsync(FaultContext context, Workload workload, RunReport report, Task load, CancellationToken ct)
    {
        var soak = Stopwatch.StartNew();
        for (var cycle = 1; ; cycle++)
        {
            foreach (var name in options.Faults)
            {
                await Task.WhenAny(Task.Delay(options.Gap, ct), load);
                if (load.IsFaulted) return;   // the workload gave up: the report says why
                report.Faults.Add(await InjectAsync(cycle, FaultCatalog.Create(name), context, workload, ct));
            }
            if (options.Soak is not { } length || soak.Elapsed >= length) return;
            Console.WriteLine($"[faults] cycle {cycle} done at {soak.Elapsed:hh\\:mm\\:ss} of {length:hh\\:mm\\:ss}");
        }
    }

    private async Task<FaultRecord> InjectAsync(int cycle, Fault fault, FaultContext context, Workload workload, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var (retries, refused, resumes) = (workload.Retries, workload.RefusedConnections, workload.Resumes + workload.CaseResumes);
        Console.WriteLine($"[faults] {start:HH:mm:ss} {fault.Name} (cycle {cycle})");
        string observed;
        string? error = null;
        try
        {
            observed = await fault.InjectAsync(context, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            observed = "";
            error = $"{e.GetType().Name}: {e.Message}";
        }
        var duration = clock.Elapsed;
        var load = $"workload meanwhile: {workload.Retries - retries} requests retried, {workload.RefusedConnections - refused} refused connections waited out, " +
            $"{workload.Resumes + workload.CaseResumes - resumes} resumes (case blocks or rounds sent again)";
        var record = new FaultRecord(cycle, fault.Name, start, duration, observed.Length > 0 ? $"{observed}\n      {load}" : load, error);
        Console.WriteLine($"[faults] {fault.Name} over in {duration.TotalSeconds:0.0} s: {(error is null ? record.Observed : "FAILED: " + error)}");
        return record;
    }

    private async Task TearDownAsync(ServiceFleet fleet, PrivatePostgres postgres, PrivateRabbit rabbit, bool failed)
    {
        Console.WriteLine("[run] stopping the services and the private servers");
        await fleet.StopAllAsync();
        await rabbit.StopAsync(CancellationToken.None);
        await postgres.StopAsync(CancellationToken.None);
        if (options.Keep)
        {
            Console.WriteLine($"[run] --keep: {options.WorkDirectory} left in place (service logs, workload.log, pg/, rmq/)");
            return;
        }
        if (failed)
        {
            // A failed run is read afterwards: its logs stay, the servers' data goes (it is the bulk of the directory).
            foreach (var data in new[] { "pg", "rmq" }.Select(d => Path.Combine(options.WorkDirectory, d)).Where(Directory.Exists))
                Directory.Delete(data, recursive: true);
            Console.WriteLine($"[run] the run failed: its logs are left in {options.WorkDirectory} (<service>.log, workload.log)");
            return;
        }
        try
        {
            Directory.Delete(options.WorkDirectory, recursive: true);
        }
        catch (IOException e)
        {
            Console.WriteLine($"[run] could not delete {options.WorkDirectory}: {e.Message}");
        }
    }

    /// <summary>Runs an action when the process is exiting by a path .NET still runs code on.</summary>
    private sealed class ProcessExitHook : IDisposable
    {
        private readonly EventHandler _handler;

        public ProcessExitHook(Action action)
        {
            _handler = (_, _) => action();
            AppDomain.CurrentDomain.ProcessExit += _handler;
        }

        public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= _handler;
    }
}
