using Fazhi.Reporting.Figures;
using Npgsql;

namespace Fazhi.Reporting.Queries;

/// <summary>
/// Sums daily counters: period counters over [from, asOf], state counters over every day up to asOf. The org
/// is matched as a code prefix, so a city (4101) sums its districts with the same query.
/// </summary>
public sealed class YearToDateQuery(NpgsqlDataSource dataSource)
{
    private static readonly string[] PeriodMetrics = ReconsiderationMetrics.PeriodCounters;
    private static readonly string[] StateMetrics = ReconsiderationMetrics.StateCounters;

    public async Task<SortedDictionary<string, double>> FiguresAsync(string orgPrefix, DateOnly from, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT metric, SUM(value)::bigint FROM daily_counters
            WHERE org LIKE @prefix
              AND ((metric = ANY(@period) AND day BETWEEN @from AND @asOf) OR (metric = ANY(@state) AND day <= @asOf))
            GROUP BY metric
            """);
        command.Parameters.AddWithValue("prefix", orgPrefix + "%");
        command.Parameters.AddWithValue("period", PeriodMetrics);
        command.Parameters.AddWithValue("state", StateMetrics);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("asOf", asOf);

        var sums = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) sums[reader.GetString(0)] = reader.GetInt64(1);
        return ReportFigures.Compose(sums);
    }
}
