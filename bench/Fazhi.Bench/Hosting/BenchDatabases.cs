using Npgsql;

namespace Fazhi.Bench.Hosting;

/// <summary>
/// The bench's own databases on the developer's PostgreSQL server, dropped and created fresh for every run so no
/// figure depends on what an earlier run left behind. The services' migrations create the tables on start.
/// </summary>
public sealed class BenchDatabases(string serverConnectionString)
{
    public const string Reconsideration = "fazhi_bench_reconsideration";
    public const string Reporting = "fazhi_bench_reporting";
    public const string Litigation = "fazhi_bench_litigation";
    public const string Enforcement = "fazhi_bench_enforcement";
    public const string Disclosure = "fazhi_bench_disclosure";
    public static readonly IReadOnlyList<string> All = [Reconsideration, Reporting, Litigation, Enforcement, Disclosure];

    /// <summary>
    /// FAZHI_BENCH_POSTGRES overrides the server (a connection string without a database). The default matches the
    /// services' own loopback default: no TLS, which on one machine would only cost both ends CPU.
    /// </summary>
    public static BenchDatabases FromEnvironment() => new(
        Environment.GetEnvironmentVariable("FAZHI_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5432;Username=fazhi;Password=fazhi;SSL Mode=Disable");

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;

    public async Task RecreateAsync(CancellationToken cancellationToken)
    {
        await DropAsync(cancellationToken);
        foreach (var database in All) await ExecuteAsync($"CREATE DATABASE {database}", cancellationToken);
    }

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        // Our own pooled connections would otherwise be killed under us by FORCE and resurface as errors later.
        NpgsqlConnection.ClearAllPools();
        foreach (var database in All) await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
