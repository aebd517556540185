namespace Fazhi.Reporting.Projection;

/// <summary>
/// Empties the reporting store (all of it, or one source's part: its cases, counters, breakdowns and labels) so it can
/// be rebuilt from re-published state.
/// </summary>
public sealed class ReportingStore(Npgsql.NpgsqlDataSource dataSource, ProjectionGate gate, CounterMirrorLoader loader, FiguresChanged changes)
{
    public async Task<long> ResetAsync(string? source, CancellationToken cancellationToken)
    {
        using var exclusive = await gate.EnterExclusiveAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long cases;
        if (string.IsNullOrEmpty(source))
        {
            await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM projected_cases", connection, transaction);
            cases = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            await using var truncate = new Npgsql.NpgsqlCommand("TRUNCATE projected_cases, daily_counters, daily_breakdowns, breakdown_labels", connection, transaction);
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var deleteCases = new Npgsql.NpgsqlCommand("DELETE FROM projected_cases WHERE source = @source", connection, transaction);
            deleteCases.Parameters.AddWithValue("source", source);
            cases = await deleteCases.ExecuteNonQueryAsync(cancellationToken);
            // A source's metrics are named after it: reconsideration.*.
            await using var deleteCounters = new Npgsql.NpgsqlCommand("DELETE FROM daily_counters WHERE metric LIKE @prefix", connection, transaction);
            deleteCounters.Parameters.AddWithValue("prefix", source + ".%");
            await deleteCounters.ExecuteNonQueryAsync(cancellationToken);
            await using var deleteBreakdowns = new Npgsql.NpgsqlCommand(
                "DELETE FROM daily_breakdowns WHERE source = @source; DELETE FROM breakdown_labels WHERE source = @source", connection, transaction);
            deleteBreakdowns.Parameters.AddWithValue("source", source);
            await deleteBreakdowns.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await loader.ReloadAsync(cancellationToken);
        changes.RaiseEverything();
        return cases;
    }
}
