using Fazhi.Reporting.Figures;
using Npgsql;

namespace Fazhi.Reporting.Projection;

/// <summary>
/// Fills the mirror from the database when the service starts. Registered before the message bus, so every
/// consumer commit lands after the load and is added on top of it exactly once.
/// </summary>
public sealed class CounterMirrorLoader(NpgsqlDataSource dataSource, CounterMirror mirror, ILogger<CounterMirrorLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        mirror.Clear();
        await using var command = dataSource.CreateCommand("SELECT org, metric, day, value FROM daily_counters WHERE value <> 0");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Contribution>(4096);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Contribution(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), checked((int)reader.GetInt64(3))));
            if (rows.Count == rows.Capacity)
            {
                mirror.Apply(rows);
                count += rows.Count;
                rows.Clear();
            }
        }
        mirror.Apply(rows);
        count += rows.Count;
        logger.LogInformation("Loaded {Count} daily counters into memory in {Elapsed}", count, TimeProvider.System.GetElapsedTime(started));
    }
}
