namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// Load that is not measured, once per bench run before the first load figure: on two saturated cores the services'
/// tiered JIT needs about a minute to compile their hot paths (intake measured 280 → 510 → 790 commands/s over three
/// consecutive 20 s runs after a 10 s warm-up), and the first run would otherwise measure the JIT, not the code.
/// Then it gathers the tables' statistics, as autovacuum does on a live installation within its first minute
/// (bench/README.md, "Statistics after the warm-up").
/// </summary>
public static class WarmUp
{
    public static async Task EnsureAsync(BenchContext context, CaseCommands commands, ProjectionProgress progress, CancellationToken cancellationToken)
    {
        if (!context.FirstTime("reconsideration warm-up")) return;
        Console.WriteLine($"[warm-up] {context.Options.WarmUp.TotalSeconds:0} s of intake load, not measured");
        using var stop = new CancellationTokenSource(context.Options.WarmUp);
        var load = await LifecycleLoad.RunAsync(commands, context.Options.Clients, CaseScript.Districts, pacer: null, seed: 1, stop.Token, cancellationToken);
        Console.WriteLine($"[warm-up] {load.PerSecond:N0} commands/s, {load.ErrorSummary()}");
        await progress.WaitForAsync(await progress.SourceAsync(cancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(60), null, cancellationToken);

        // The services prepared their statements while the fresh tables were empty, and until autovacuum's first visit
        // (up to a minute apart per database) a run cost PostgreSQL up to twice the CPU per command of a run after it:
        // plans made for empty tables, kept until statistics change.
        foreach (var database in Hosting.BenchDatabases.All)
        {
            await using var analyze = context.Database(database).CreateCommand("ANALYZE");
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine("[warm-up] ANALYZE on the bench databases, as autovacuum would soon do on a live installation");
    }
}
