using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Npgsql;

namespace Fazhi.Reporting.Queries;

/// <summary>
/// Period counters summed over [from, asOf], state counters over every day up to asOf. The org is matched as a code
/// prefix, so a city (4101) sums its districts. Answered from the in-memory mirror; the same sums straight from the
/// database are kept for checking the mirror and for a deployment with several reporting replicas.
/// </summary>
public sealed class YearToDateQuery(CounterMirror mirror, NpgsqlDataSource dataSource, ReportSources sources, IConfiguration configuration)
{
    // Every registered source's counters: a source's figures are never dropped for want of a list entry here.
    private readonly string[] _periodMetrics = sources.PeriodCounters;
    private readonly string[] _stateMetrics = sources.StateCounters;
    private readonly bool _fromDatabase = configuration.GetValue("Reporting:QueryDatabase", false);

    public async Task<SortedDictionary<string, double>> FiguresAsync(string orgPrefix, DateOnly from, DateOnly asOf, CancellationToken cancellationToken) =>
        _fromDatabase
            ? await FiguresFromDatabaseAsync(orgPrefix, from, asOf, cancellationToken)
            : sources.Compose(mirror.Sum(orgPrefix, from, asOf, _periodMetrics, _stateMetrics));

    public async Task<SortedDictionary<string, double>> FiguresFromDatabaseAsync(string orgPrefix, DateOnly from, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT metric, SUM(value)::bigint FROM daily_counters
            WHERE org LIKE @prefix
              AND ((metric = ANY(@period) AND day BETWEEN @from AND @asOf) OR (metric = ANY(@state) AND day <= @asOf))
            GROUP BY metric
            """);
        command.Parameters.AddWithValue("prefix", orgPrefix + "%");
        command.Parameters.AddWithValue("period", _periodMetrics);
        command.Parameters.AddWithValue("state", _stateMetrics);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("asOf", asOf);

        var sums = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) sums[reader.GetString(0)] = reader.GetInt64(1);
        return sources.Compose(sums);
    }
}
