using System.Diagnostics;
using Npgsql;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// A PostgreSQL cluster of the run's own (initdb in the work directory, loopback only, trust authentication), so the
/// run may restart it, or make one of its databases refuse connections, without touching any other on the machine.
/// initdb and pg_ctl refuse to run as root: as root they run as the postgres user, which then owns the data.
/// </summary>
public sealed class PrivatePostgres(string directory, int port)
{
    public const string User = "fazhi";

    private readonly string _bin = FindBin();
    private string DataDirectory => Path.Combine(directory, "data");
    private string? RunAs => Shell.IsRoot ? "postgres" : null;

    public int Port => port;
    public string LogPath => Path.Combine(directory, "log");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port};Username={User};Database={database};Pooling=true;Timeout=5";

    /// <summary>The maintenance database, for administration (outages, listing sessions).</summary>
    public string Admin => ConnectionString("postgres");

    private static string FindBin()
    {
        var root = "/usr/lib/postgresql";
        var versions = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Count > 0
            ? Path.Combine(versions[0], "bin")
            : throw new InvalidOperationException($"no PostgreSQL server binaries under {root}/*/bin (bash scripts/infra-up.sh installs them)");
    }

    /// <summary>Stops a cluster a crashed earlier run left in this directory (its own pid file only).</summary>
    public async Task StopLeftoverAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))) return;
        var result = await Shell.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "stop", "-m", "immediate", "-w"], TimeSpan.FromSeconds(30), ct, asUser: RunAs);
        Console.WriteLine($"[servers] stopped the PostgreSQL cluster an earlier run left in {DataDirectory} ({(result.Ok ? "ok" : result.Output.Trim())})");
    }

    public async Task StartAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        if (RunAs is { } user) await Shell.CheckAsync("chown", ["-R", $"{user}:{user}", directory], TimeSpan.FromSeconds(10), ct);
        await Shell.CheckAsync(Path.Combine(_bin, "initdb"),
            ["-D", DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], TimeSpan.FromSeconds(120), ct, asUser: RunAs);
        await PgCtlAsync(ct, "start");
    }

    /// <summary>A restart: fast (sessions ended, a clean shutdown) or immediate (no shutdown checkpoint: crash recovery).</summary>
    public async Task<TimeSpan> RestartAsync(bool immediate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await PgCtlAsync(ct, "restart", "-m", immediate ? "immediate" : "fast");
        return clock.Elapsed;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))) return;
        await Shell.RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "stop", "-m", "fast", "-w"], TimeSpan.FromSeconds(60), ct, asUser: RunAs);
    }

    private Task<string> PgCtlAsync(CancellationToken ct, params string[] action) =>
        Shell.CheckAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-o", $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300", "-l", LogPath, "-w", "-t", "120", .. action],
            TimeSpan.FromSeconds(150), ct, asUser: RunAs);

    /// <summary>
    /// Makes <paramref name="database"/> refuse new connections and ends its sessions (or lets it accept them again):
    /// the database unavailable while the server, and every other database, stays up.
    /// </summary>
    public async Task<int> RefuseConnectionsAsync(string database, bool refuse, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Admin);
        await connection.OpenAsync(ct);
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(refuse ? "false" : "true")}", connection))
            await alter.ExecuteNonQueryAsync(ct);
        if (!refuse) return 0;
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
        terminate.Parameters.AddWithValue("db", database);
        return Convert.ToInt32(await terminate.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
