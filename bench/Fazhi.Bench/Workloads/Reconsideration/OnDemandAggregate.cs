using Npgsql;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// The YTD figures as a team without Fazhi's counters would compute them: one aggregate over the cases table per
/// dashboard view. The yardstick for the YTD route, and a check of it (both must give the same numbers).
/// </summary>
public sealed class OnDemandAggregate(NpgsqlDataSource reconsideration)
{
    public sealed record Counts(long Received, long Accepted, long Decided, long DirectlyCorrected);

    private const string Sql =
        """
        SELECT count(*) FILTER (WHERE received_on BETWEEN @from AND @to),
               count(*) FILTER (WHERE accepted_on BETWEEN @from AND @to),
               count(*) FILTER (WHERE decided_on BETWEEN @from AND @to),
               count(*) FILTER (WHERE decided_on BETWEEN @from AND @to
                                  AND decision IN ('Revoke', 'Modify', 'ConfirmIllegal', 'ConfirmInvalid', 'OrderPerformance'))
        FROM cases
        WHERE {0} AND status <> 'Voided'
        """;

    /// <summary>A district by its code; a city (four digits) as every organisation under it.</summary>
    public async Task<Counts> RunAsync(NpgsqlConnection connection, string org, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var city = org.Length == 4;
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sql, city ? "org LIKE @org" : "org = @org"), connection);
        command.Parameters.AddWithValue("org", city ? org + "%" : org);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Counts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public NpgsqlDataSource Source => reconsideration;
}
