using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// Loads cases straight into the reconsideration database with binary COPY: a million through the API would take
/// longer than the figures they serve. Columns are read from the live table, so a column the lead adds later
/// either has a default (skipped) or stops the load with a message saying what to add here.
/// </summary>
public sealed class CaseBulkLoader(NpgsqlDataSource reconsideration)
{
    /// <summary>The calendar the shipped service stamps on cases; only informative.</summary>
    private const string CalendarVersion = "cn-2026.2";

    private delegate void ColumnWriter(NpgsqlBinaryImporter importer, BulkCase c);

    private static readonly Dictionary<string, ColumnWriter> Writers = new()
    {
        ["id"] = (w, c) => w.Write(c.Id, NpgsqlDbType.Uuid),
        ["request_id"] = (w, _) => w.Write(Guid.NewGuid(), NpgsqlDbType.Uuid),
        ["org"] = (w, c) => w.Write(c.Org, NpgsqlDbType.Varchar),
        ["received_on"] = (w, c) => w.Write(c.ReceivedOn, NpgsqlDbType.Date),
        ["applicant_type"] = (w, c) => w.Write(c.ApplicantType.ToString(), NpgsqlDbType.Varchar),
        ["category"] = (w, c) => w.Write(c.Category.ToString(), NpgsqlDbType.Varchar),
        ["respondent"] = (w, c) => w.Write(c.Respondent, NpgsqlDbType.Varchar),
        ["summary"] = (w, _) => w.Write("bench bulk load", NpgsqlDbType.Varchar),
        ["status"] = (w, c) => w.Write(c.StatusName, NpgsqlDbType.Varchar),
        ["acceptance_due_on"] = (w, c) => w.Write(c.ReceivedOn.AddDays(7), NpgsqlDbType.Date),
        ["accepted_on"] = (w, c) => WriteDate(w, c.AcceptedOn),
        ["procedure"] = (w, c) => w.Write(c.Procedure.ToString(), NpgsqlDbType.Varchar),
        ["extension_days"] = (w, _) => w.Write(0, NpgsqlDbType.Integer),
        ["extension_reason"] = (w, _) => w.WriteNull(),
        ["suspended_on"] = (w, _) => w.WriteNull(),
        ["suspended_days"] = (w, _) => w.Write(0, NpgsqlDbType.Integer),
        ["deadline"] = (w, c) => WriteDate(w, c.Deadline),
        ["rejected_on"] = (w, c) => WriteDate(w, c.RejectedOn),
        ["rejection_reason"] = (w, c) => { if (c.RejectedOn is null) w.WriteNull(); else w.Write("不符合受理条件", NpgsqlDbType.Varchar); },
        ["decided_on"] = (w, c) => WriteDate(w, c.DecidedOn),
        ["decision"] = (w, c) => w.Write(c.Decision.ToString(), NpgsqlDbType.Varchar),
        ["void_reason"] = (w, _) => w.WriteNull(),
        ["calendar_version"] = (w, _) => w.Write(CalendarVersion, NpgsqlDbType.Varchar),
        ["version"] = (w, c) => w.Write(c.Version, NpgsqlDbType.Bigint),
        ["hearing_dates"] = (w, _) => w.Write(Array.Empty<DateOnly>(), NpgsqlDbType.Array | NpgsqlDbType.Date),
    };

    public async Task LoadAsync(int count, int seed, Action<int> progress, CancellationToken cancellationToken)
    {
        var columns = await WritableColumnsAsync(cancellationToken);
        await using var connection = await reconsideration.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY cases ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var writers = columns.Select(c => Writers[c]).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = BulkCase.Generate(random);
            importer.StartRow();
            foreach (var write in writers) write(importer, row);
            if ((i + 1) % 100_000 == 0) progress(i + 1);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static void WriteDate(NpgsqlBinaryImporter importer, DateOnly? date)
    {
        if (date is { } d) importer.Write(d, NpgsqlDbType.Date);
        else importer.WriteNull();
    }

    private async Task<List<string>> WritableColumnsAsync(CancellationToken cancellationToken)
    {
        await using var command = reconsideration.CreateCommand(
            """
            SELECT column_name, is_nullable = 'YES' OR column_default IS NOT NULL OR is_identity = 'YES'
            FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'cases'
            ORDER BY ordinal_position
            """);
        var known = new List<string>();
        var missing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (Writers.ContainsKey(name)) known.Add(name);
            else if (!reader.GetBoolean(1)) missing.Add(name);
        }
        if (known.Count == 0) throw new InvalidOperationException("the reconsideration database has no cases table");
        if (missing.Count > 0)
            throw new InvalidOperationException($"cases has required columns the bench does not fill: {string.Join(", ", missing)} (add them to CaseBulkLoader)");
        return known;
    }
}
