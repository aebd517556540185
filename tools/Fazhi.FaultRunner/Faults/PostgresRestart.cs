namespace Fazhi.FaultRunner.Faults;

/// <summary>
/// PostgreSQL restarted under load (pg_ctl restart -m fast, or -m immediate: a crash and recovery): every service's
/// connections are cut at once, in the middle of group commits, relay passes and consumer transactions.
/// </summary>
public sealed class PostgresRestart() : Fault("postgres-restart")
{
    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var mode = context.Options.CrashRestart ? "immediate" : "fast";
        var restart = await context.Postgres.RestartAsync(context.Options.CrashRestart, ct);
        var healthy = await context.Fleet.WaitAllHealthyAsync(TimeSpan.FromMinutes(2), ct);
        return $"pg_ctl restart -m {mode} took {restart.TotalSeconds:0.0} s; {healthy}";
    }
}
