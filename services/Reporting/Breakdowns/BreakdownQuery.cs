using Fazhi.Reporting.Figures;
using Npgsql;

namespace Fazhi.Reporting.Breakdowns;

/// <summary>One breakdown row's figures (by its dimension) and, where known, its label and organisation.</summary>
public sealed record BreakdownRow(string Dimension, string? Org, string? Label, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// Sums one source's breakdown counters per row, as the YTD query sums the totals: period counters over [from, asOf],
/// state counters over every day up to asOf, organisations matched by code prefix. Read from the database, not a
/// mirror: a breakdown is a report someone opens, not a dashboard refreshed on every change.
/// </summary>
public sealed class BreakdownQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<BreakdownRow>> RowsAsync(
        string source, string orgPrefix, DateOnly from, DateOnly asOf, IReadOnlyCollection<string> periodCounters, IReadOnlyCollection<string> stateCounters,
        Func<IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, double>> compose, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT b.dimension, b.metric, SUM(b.value)::bigint, MIN(l.org), MIN(l.label)
            FROM daily_breakdowns b
            LEFT JOIN breakdown_labels l ON l.source = b.source AND l.dimension = b.dimension
            WHERE b.source = @source AND b.org LIKE @prefix
              AND ((b.metric = ANY(@period) AND b.day BETWEEN @from AND @asOf) OR (b.metric = ANY(@state) AND b.day <= @asOf))
            GROUP BY b.dimension, b.metric
            """);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("prefix", orgPrefix + "%");
        command.Parameters.AddWithValue("period", periodCounters.ToArray());
        command.Parameters.AddWithValue("state", stateCounters.ToArray());
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("asOf", asOf);

        var sums = new Dictionary<string, (Dictionary<string, long> Sums, string? Org, string? Label)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var dimension = reader.GetString(0);
                if (!sums.TryGetValue(dimension, out var row))
                {
                    sums[dimension] = row = (new Dictionary<string, long>(StringComparer.Ordinal),
                        reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                }
                row.Sums[reader.GetString(1)] = reader.GetInt64(2);
            }
        }
        // A row whose sums are all zero (a problem found and rectified before the period, say) is no row.
        return sums.Where(kv => kv.Value.Sums.Values.Any(v => v != 0))
            .Select(kv => new BreakdownRow(kv.Key, kv.Value.Org, kv.Value.Label, compose(kv.Value.Sums)))
            .ToList();
    }
}
