using System.Diagnostics;

namespace Fazhi.FaultRunner.Faults;

/// <summary>
/// Only reporting's database unavailable (ALLOW_CONNECTIONS false and its sessions ended) while everything else runs:
/// reporting's consumers must hold their messages and retry, never dead-letter them, and catch up when it returns.
/// </summary>
public sealed class ReportingDatabaseOutage() : Fault("reporting-db-outage")
{
    private const string Database = "fazhi_reporting";

    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ended = await context.Postgres.RefuseConnectionsAsync(Database, refuse: true, ct);
        string readiness;
        try
        {
            await Task.Delay(context.Options.ReportingOutage / 2, ct);
            readiness = await context.Fleet[Services.Reporting].ReadinessAsync(ct);
            // Sessions opened before the ALTER took effect would outlive it: end them again.
            ended += await context.Postgres.RefuseConnectionsAsync(Database, refuse: true, ct);
            await Task.Delay(context.Options.ReportingOutage / 2, ct);
        }
        finally
        {
            await context.Postgres.RefuseConnectionsAsync(Database, refuse: false, CancellationToken.None);
        }
        var down = clock.Elapsed;
        var healthy = await context.Fleet.WaitAllHealthyAsync(TimeSpan.FromMinutes(2), ct);
        return $"{Database} refused connections for {down.TotalSeconds:0.0} s ({ended} sessions ended); reporting's " +
            $"readiness half-way: {readiness}; {healthy}";
    }
}
