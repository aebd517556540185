using System.Diagnostics;
using Fazhi.Bench.Workloads.Reconsideration;
using Npgsql;

namespace Fazhi.Bench.Workloads.Overload;

/// <summary>
/// After the load: every acknowledged create is in the reconsideration database under the id the API answered, no
/// refused create is, the organisation holds nothing else, and reporting's `reconsideration.received` for it (year to
/// date, 2025, where every script's received date lies) reaches the same count.
/// </summary>
public static class CreateLedger
{
    public const string Metric = "reconsideration.received";

    public sealed record Result(
        long Acknowledged, long AcknowledgedMissing, long WrongCaseId, long Refused, long RefusedSaved, long Unknown, long UnknownSaved,
        long RowsInOrg, double ReportingReceived, TimeSpan ReportingWait, long UnsentOutboxRows)
    {
        public bool Pass => AcknowledgedMissing == 0 && WrongCaseId == 0 && RefusedSaved == 0
            && RowsInOrg == Acknowledged + UnknownSaved && ReportingReceived == RowsInOrg;

        public override string ToString() =>
            $"{Acknowledged:N0} acknowledged creates: {Acknowledged - AcknowledgedMissing - WrongCaseId:N0} saved under the id answered, "
            + $"{AcknowledgedMissing:N0} missing, {WrongCaseId:N0} under another id; {Refused:N0} refused: {RefusedSaved:N0} saved; "
            + (Unknown > 0 ? $"{Unknown:N0} other errors: {UnknownSaved:N0} saved; " : "")
            + $"org {OverloadCreates.Org} holds {RowsInOrg:N0} cases; reporting's {Metric} {ReportingReceived:N0} "
            + $"({ReportingWait.TotalSeconds:0.0} s after the load ended)"
            + (ReportingReceived != RowsInOrg ? $"; {UnsentOutboxRows:N0} outbox rows of reconsideration still unsent" : "");
    }

    public static async Task<Result> CheckAsync(
        NpgsqlDataSource reconsideration, YtdReader reporting, IReadOnlyList<CreateOutcomes> phases, long loadEnded, CancellationToken cancellationToken)
    {
        var saved = new Dictionary<Guid, Guid>();
        await using (var query = reconsideration.CreateCommand("SELECT request_id, id FROM cases WHERE org = $1"))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = OverloadCreates.Org });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) saved[reader.GetGuid(0)] = reader.GetGuid(1);
        }

        long acknowledged = 0, missing = 0, wrongId = 0, refused = 0, refusedSaved = 0, unknown = 0, unknownSaved = 0;
        foreach (var phase in phases)
        {
            foreach (var (requestId, caseId) in phase.Acknowledged)
            {
                acknowledged++;
                if (!saved.TryGetValue(requestId, out var id)) missing++;
                else if (id != caseId) wrongId++;
            }
            refused += phase.Refused.Count;
            refusedSaved += phase.Refused.Count(saved.ContainsKey);
            unknown += phase.Unknown.Count;
            unknownSaved += phase.Unknown.Count(saved.ContainsKey);
        }

        // Reporting is done when it counts every case of the org; it must not stop short (a lost event) or go past.
        var path = YtdReader.Path(OverloadCreates.Org, 2025, new DateOnly(2025, 12, 31));
        var received = 0.0;
        var lastChange = Stopwatch.StartNew();
        while (true)
        {
            var now = await reporting.MetricAsync(path, Metric, cancellationToken);
            if (now != received) lastChange.Restart();
            received = now;
            if (received >= saved.Count || lastChange.Elapsed > TimeSpan.FromSeconds(60)) break;
            await Task.Delay(100, cancellationToken);
        }
        var wait = Stopwatch.GetElapsedTime(loadEnded);
        // A count going past the database's (an event counted twice) may take a moment more to show: look once more.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        received = await reporting.MetricAsync(path, Metric, cancellationToken);
        // If reporting fell short: were the events never sent, or sent and not counted?
        await using var unsent = reconsideration.CreateCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
        var unsentRows = (long)(await unsent.ExecuteScalarAsync(cancellationToken))!;
        return new Result(acknowledged, missing, wrongId, refused, refusedSaved, unknown, unknownSaved, saved.Count, received, wait, unsentRows);
    }
}
