using System.Diagnostics;
using Fazhi.Bench.Measurement;
using Npgsql;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// Figure 4 of issue 4: empty the reporting store, have reconsideration re-publish every case, and time until
/// reporting has applied the last one. The end is the newest projected_cases.updated_at (written by the consumer as
/// it applies), so the polling interval does not blur it; polling only detects that everything has arrived.
/// </summary>
public sealed class RebuildMeasurement(RebuildRoutes routes, ProjectionProgress progress, NpgsqlDataSource reporting, Func<CpuMeter> cpuMeter)
{
    public sealed record Run(long Cases, TimeSpan Elapsed, CpuUsage Cpu)
    {
        public double PerSecond => Cases / Elapsed.TotalSeconds;
    }

    /// <param name="ResetExists">False when the reporting store could not be emptied first (its route answered 404).</param>
    /// <param name="RepublishExists">False when nothing could be re-published (404): reporting does not hold the loaded cases.</param>
    public sealed record Result(bool RepublishExists, bool ResetExists, IReadOnlyList<Run> Runs);

    public async Task<Result> RunAsync(int runs, CancellationToken cancellationToken)
    {
        var target = await progress.SourceAsync(cancellationToken);
        var done = new List<Run>();
        var resetExists = true;
        for (var i = 1; i <= runs; i++)
        {
            var reset = await routes.ResetAsync(cancellationToken);
            resetExists &= reset.Exists;
            Console.WriteLine(reset.Exists
                ? $"[rebuild] run {i}/{runs}: POST {RebuildRoutes.ResetPath} → {Short(reset.Body)}"
                : $"[rebuild] POST {RebuildRoutes.ResetPath} answered 404: rebuilding on top of the live projection");

            var cpu = cpuMeter();
            cpu.Start();
            var startedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var republish = await routes.RepublishAsync(cancellationToken);
            if (!republish.Exists)
            {
                Console.WriteLine($"[rebuild] POST {RebuildRoutes.RepublishPath} answered 404: no rebuild");
                return new Result(false, resetExists, done);
            }
            Console.WriteLine($"[rebuild] POST {RebuildRoutes.RepublishPath} answered after {clock.Elapsed.TotalSeconds:0.0} s: {Short(republish.Body)}");

            await progress.WaitForAsync(target, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2),
                now => Console.WriteLine($"[rebuild] {now.Cases:N0} of {target.Cases:N0} cases applied after {clock.Elapsed.TotalSeconds:0} s"),
                cancellationToken);
            var observed = clock.Elapsed;
            var last = await LastAppliedAsync(cancellationToken);
            var elapsed = last - startedAt is var byRow && byRow > TimeSpan.Zero && byRow <= observed ? byRow : observed;
            var run = new Run(target.Cases, elapsed, cpu.Stop());
            Console.WriteLine($"[rebuild] run {i}/{runs}: {run.Cases:N0} cases in {elapsed.TotalSeconds:0.0} s = {run.PerSecond:N0} cases/s; CPU {run.Cpu}");
            done.Add(run);
            // Without an emptied store a second re-publish only meets versions already applied: nothing to measure.
            if (!reset.Exists) break;
        }
        return new Result(true, resetExists, done);
    }

    private async Task<DateTimeOffset> LastAppliedAsync(CancellationToken cancellationToken)
    {
        await using var command = reporting.CreateCommand("SELECT max(updated_at) FROM projected_cases");
        return (DateTimeOffset)(DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Short(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
