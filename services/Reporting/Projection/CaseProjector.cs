using System.Diagnostics.Metrics;
using System.Text.Json;
using Fazhi.Reporting.Figures;
using Fazhi.ServiceDefaults;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Reporting.Projection;

public enum ApplyOutcome { Applied, AlreadyApplied }

/// <summary>
/// Applies a new version of a case to the daily counters exactly once. In one transaction: lock the case's row
/// (creating it at version 0), ignore the event if that version is not newer, otherwise add the difference between
/// the new and the stored contributions to the counters and store the new ones. Counter rows are upserted in key
/// order, so concurrent consumers always lock in the same order and cannot deadlock.
/// </summary>
public sealed class CaseProjector(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly Counter<long> Applied = FazhiTelemetry.Meter.CreateCounter<long>("fazhi.reporting.versions_applied");
    private static readonly Counter<long> Ignored = FazhiTelemetry.Meter.CreateCounter<long>("fazhi.reporting.versions_ignored");

    public event Action<IReadOnlyCollection<string>>? CountersChanged;

    public async Task<ApplyOutcome> ApplyAsync(
        string source, Guid caseId, long version, IReadOnlyList<Contribution> contributions, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long storedVersion;
        string storedJson;
        await using (var lockCase = new NpgsqlCommand(
            """
            INSERT INTO projected_cases (case_id, source, version, contributions, updated_at)
            VALUES (@id, @source, 0, '[]', @now)
            ON CONFLICT (case_id) DO UPDATE SET case_id = EXCLUDED.case_id
            RETURNING version, contributions::text
            """, connection, transaction))
        {
            lockCase.Parameters.AddWithValue("id", caseId);
            lockCase.Parameters.AddWithValue("source", source);
            lockCase.Parameters.AddWithValue("now", time.GetUtcNow());
            await using var reader = await lockCase.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            storedVersion = reader.GetInt64(0);
            storedJson = reader.GetString(1);
        }

        if (version <= storedVersion)
        {
            await transaction.RollbackAsync(cancellationToken);
            Ignored.Add(1, new KeyValuePair<string, object?>("source", source));
            return ApplyOutcome.AlreadyApplied;
        }

        var stored = Deserialize(storedJson);
        var difference = Contributions.Difference(stored, contributions);

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (difference.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO daily_counters (org, metric, day, value)
                SELECT * FROM unnest(@orgs, @metrics, @days, @values)
                ON CONFLICT (org, metric, day) DO UPDATE SET value = daily_counters.value + EXCLUDED.value
                """);
            upsert.Parameters.Add(new NpgsqlParameter("orgs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = difference.Select(d => d.Org).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("metrics", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = difference.Select(d => d.Metric).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = difference.Select(d => d.Day).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = difference.Select(d => (long)d.Delta).ToArray() });
            batch.BatchCommands.Add(upsert);
        }
        var save = new NpgsqlBatchCommand(
            "UPDATE projected_cases SET version = @version, contributions = @contributions::jsonb, updated_at = @now WHERE case_id = @id");
        save.Parameters.AddWithValue("version", version);
        save.Parameters.AddWithValue("contributions", Serialize(contributions));
        save.Parameters.AddWithValue("now", time.GetUtcNow());
        save.Parameters.AddWithValue("id", caseId);
        batch.BatchCommands.Add(save);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Applied.Add(1, new KeyValuePair<string, object?>("source", source));
        if (difference.Count > 0) CountersChanged?.Invoke(difference.Select(d => d.Org).Distinct().ToList());
        return ApplyOutcome.Applied;
    }

    private sealed record StoredContribution(string O, string M, DateOnly D, int V);

    private static string Serialize(IReadOnlyList<Contribution> contributions) =>
        JsonSerializer.Serialize(contributions.Select(c => new StoredContribution(c.Org, c.Metric, c.Day, c.Delta)));

    private static IReadOnlyList<Contribution> Deserialize(string json) =>
        (JsonSerializer.Deserialize<List<StoredContribution>>(json) ?? [])
            .Select(s => new Contribution(s.O, s.M, s.D, s.V)).ToList();
}
