using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fazhi.Reporting.Breakdowns;
using Fazhi.Reporting.Figures;
using Fazhi.ServiceDefaults;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Reporting.Projection;

/// <summary>
/// One version of one case, with what that version contributes to the counters (totals and breakdown rows) and the
/// breakdown rows it names.
/// </summary>
public sealed record CaseVersion(Guid CaseId, long Version, IReadOnlyList<Contribution> Contributions, IReadOnlyList<BreakdownLabel>? Labels = null);

/// <summary>
/// Applies new versions of one source's cases (cases are told apart by source and id: two services' ids never meet)
/// to the daily counters exactly once, a batch per transaction: insert the cases never
/// seen before with their state, lock the others' rows and skip every version that is not newer than the stored one,
/// add the summed difference between new and stored contributions to the counters, and store the new contributions.
/// Rows are locked in case-id order and counters upserted in key order, so concurrent batches lock in the same order.
/// Summing a batch's differences first turns many increments of one hot counter into one. Contributions with a
/// dimension go to daily_breakdowns in the same transaction (never to the totals or the mirror), and the labels of
/// applied versions to breakdown_labels; a source without either runs exactly the statements it ran before.
/// </summary>
public sealed class CaseProjector(NpgsqlDataSource dataSource, CounterMirror mirror, ProjectionGate gate, FiguresChanged changes, TimeProvider time)
{
    private static readonly Counter<long> Applied = FazhiTelemetry.Meter.CreateCounter<long>("fazhi.reporting.versions_applied");
    private static readonly Counter<long> Ignored = FazhiTelemetry.Meter.CreateCounter<long>("fazhi.reporting.versions_ignored");

    public async Task<int> ApplyAsync(string source, IReadOnlyCollection<CaseVersion> versions, CancellationToken cancellationToken)
    {
        // Of several versions of one case in a batch only the newest matters.
        var newest = versions.GroupBy(v => v.CaseId).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.CaseId).ToList();

        using var shared = await gate.EnterSharedAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Cases seen for the first time are inserted with their final state at once (all of a rebuild, a live
        // case's first event); the others are locked and diffed against what they contributed before.
        var inserted = await InsertNewCasesAsync(connection, transaction, source, newest, cancellationToken);
        var known = newest.Where(v => !inserted.Contains(v.CaseId)).ToList();
        var stored = known.Count == 0 ? [] : await LockKnownCasesAsync(connection, transaction, source, known, cancellationToken);
        var updated = known.Where(v => v.Version > stored[v.CaseId].Version).ToList();
        var appliedCount = inserted.Count + updated.Count;
        if (appliedCount == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            Ignored.Add(versions.Count, new KeyValuePair<string, object?>("source", source));
            return 0;
        }

        var difference = Contributions.Difference(
            updated.SelectMany(v => Deserialize(stored[v.CaseId].Json)),
            newest.Where(v => inserted.Contains(v.CaseId)).Concat(updated).SelectMany(v => v.Contributions));

        var totals = difference.Any(c => c.IsBreakdown) ? difference.Where(c => !c.IsBreakdown).ToList() : difference;
        var labels = newest.Where(v => v.Labels is { Count: > 0 } && (inserted.Contains(v.CaseId) || v.Version > stored[v.CaseId].Version))
            .SelectMany(v => v.Labels!).DistinctBy(l => l.Dimension).ToList();

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (totals.Count > 0) batch.BatchCommands.Add(UpsertCounters(totals));
        if (totals.Count < difference.Count) batch.BatchCommands.Add(UpsertBreakdowns(source, difference.Where(c => c.IsBreakdown).ToList()));
        if (labels.Count > 0) batch.BatchCommands.Add(UpsertLabels(source, labels));
        if (updated.Count > 0) batch.BatchCommands.Add(SaveCases(source, updated));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Still inside the shared gate: a reset cannot clear the mirror between this commit and this update.
        mirror.Apply(totals);
        changes.Raise(totals);
        Applied.Add(appliedCount, new KeyValuePair<string, object?>("source", source));
        Ignored.Add(versions.Count - appliedCount, new KeyValuePair<string, object?>("source", source));
        return appliedCount;
    }

    private async Task<HashSet<Guid>> InsertNewCasesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, List<CaseVersion> cases, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO projected_cases (case_id, source, version, contributions, updated_at)
            SELECT u.id, @source, u.version, u.contributions::json, @now
            FROM unnest(@ids, @versions, @contributions) AS u(id, version, contributions)
            ON CONFLICT (source, case_id) DO NOTHING
            RETURNING case_id
            """, connection, transaction);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        command.Parameters.AddWithValue("ids", cases.Select(c => c.CaseId).ToArray());
        command.Parameters.AddWithValue("versions", cases.Select(c => c.Version).ToArray());
        command.Parameters.AddWithValue("contributions", cases.Select(c => Serialize(c.Contributions)).ToArray());
        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetGuid(0));
        return inserted;
    }

    private static async Task<Dictionary<Guid, (long Version, string Json)>> LockKnownCasesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string source, List<CaseVersion> cases, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT case_id, version, contributions::text FROM projected_cases WHERE source = @source AND case_id = ANY(@ids) ORDER BY case_id FOR UPDATE",
            connection, transaction);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("ids", cases.Select(c => c.CaseId).ToArray());
        var stored = new Dictionary<Guid, (long, string)>(cases.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) stored[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
        return stored;
    }

    private static NpgsqlBatchCommand UpsertCounters(IReadOnlyList<Contribution> difference)
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
        return upsert;
    }

    private static NpgsqlBatchCommand UpsertBreakdowns(string source, IReadOnlyList<Contribution> difference)
    {
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO daily_breakdowns (org, source, metric, dimension, day, value)
            SELECT u.org, @source, u.metric, u.dimension, u.day, u.value FROM unnest(@orgs, @metrics, @dimensions, @days, @values) AS u(org, metric, dimension, day, value)
            ON CONFLICT (org, source, metric, dimension, day) DO UPDATE SET value = daily_breakdowns.value + EXCLUDED.value
            """);
        upsert.Parameters.AddWithValue("source", source);
        upsert.Parameters.Add(new NpgsqlParameter("orgs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = difference.Select(d => d.Org).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("metrics", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = difference.Select(d => d.Metric).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("dimensions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = difference.Select(d => d.Dimension!).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = difference.Select(d => d.Day).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = difference.Select(d => (long)d.Delta).ToArray() });
        return upsert;
    }

    private static NpgsqlBatchCommand UpsertLabels(string source, IReadOnlyList<BreakdownLabel> labels)
    {
        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO breakdown_labels (source, dimension, org, label)
            SELECT @source, u.dimension, u.org, u.label FROM unnest(@dimensions, @orgs, @labels) AS u(dimension, org, label)
            ON CONFLICT (source, dimension) DO UPDATE SET org = EXCLUDED.org, label = EXCLUDED.label
            """);
        upsert.Parameters.AddWithValue("source", source);
        upsert.Parameters.Add(new NpgsqlParameter("dimensions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = labels.Select(l => l.Dimension).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("orgs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = labels.Select(l => l.Org).ToArray() });
        upsert.Parameters.Add(new NpgsqlParameter("labels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = labels.Select(l => l.Label).ToArray() });
        return upsert;
    }

    private NpgsqlBatchCommand SaveCases(string source, List<CaseVersion> applied)
    {
        var save = new NpgsqlBatchCommand(
            """
            UPDATE projected_cases p SET version = u.version, contributions = u.contributions::json, updated_at = @now
            FROM unnest(@ids, @versions, @contributions) AS u(id, version, contributions)
            WHERE p.source = @source AND p.case_id = u.id
            """);
        save.Parameters.AddWithValue("source", source);
        save.Parameters.AddWithValue("ids", applied.Select(v => v.CaseId).ToArray());
        save.Parameters.AddWithValue("versions", applied.Select(v => v.Version).ToArray());
        save.Parameters.AddWithValue("contributions", applied.Select(v => Serialize(v.Contributions)).ToArray());
        save.Parameters.AddWithValue("now", time.GetUtcNow());
        return save;
    }

    // X, the dimension, is left out of totals: their stored JSON is what it was before breakdowns existed.
    private sealed record StoredContribution(string O, string M, DateOnly D, int V, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? X = null);

    private static string Serialize(IReadOnlyList<Contribution> contributions) =>
        JsonSerializer.Serialize(contributions.Select(c => new StoredContribution(c.Org, c.Metric, c.Day, c.Delta, c.Dimension)));

    private static IEnumerable<Contribution> Deserialize(string json) =>
        (JsonSerializer.Deserialize<List<StoredContribution>>(json) ?? []).Select(s => new Contribution(s.O, s.M, s.D, s.V, s.X));
}
