using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against. On machines without a Docker engine (these, and CI)
/// they are the servers that .ci/run or scripts/infra-up.sh started on loopback, found through FAZHI_TEST_*
/// variables (defaults: the loopback ones). Where Docker works and no variable is set, Testcontainers starts them.
/// </summary>
public static class TestServers
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Endpoints? _endpoints;

    public sealed record Endpoints(string Postgres, string RabbitMq, string RabbitMqManagement);

    public static async Task<Endpoints> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _endpoints ??= await ResolveAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Endpoints> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("FAZHI_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("FAZHI_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("FAZHI_TEST_RABBITMQ_MANAGEMENT");
        if (postgres is null && rabbit is null && DockerEngineAvailable())
        {
            var pg = new PostgreSqlBuilder("postgres:15").WithUsername("fazhi").WithPassword("fazhi").Build();
            var mq = new RabbitMqBuilder("rabbitmq:3.10-management").WithUsername("guest").WithPassword("guest")
                .WithPortBinding(15672, true).Build();
            await Task.WhenAll(pg.StartAsync(), mq.StartAsync());
            var pgBuilder = new NpgsqlConnectionStringBuilder(pg.GetConnectionString()) { Database = "postgres" };
            return new Endpoints(pgBuilder.ConnectionString, mq.GetConnectionString(),
                $"http://guest:guest@{mq.Hostname}:{mq.GetMappedPublicPort(15672)}/");
        }
        return new Endpoints(
            postgres ?? "Host=127.0.0.1;Port=5432;Username=fazhi;Password=fazhi",
            rabbit ?? "amqp://guest:guest@127.0.0.1:5672/",
            management ?? "http://guest:guest@127.0.0.1:15672/");
    }

    private static bool DockerEngineAvailable()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null) return false;
            return docker.WaitForExit(5000) && docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }

    /// <summary>A database of the test's own, so test classes never see each other's data.</summary>
    public static string DatabaseConnectionString(Endpoints endpoints, string database) =>
        new NpgsqlConnectionStringBuilder(endpoints.Postgres) { Database = database, Pooling = true }.ConnectionString;

    public static async Task DropDatabaseAsync(Endpoints endpoints, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(endpoints.Postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>A RabbitMQ virtual host of the test's own, so one class's reporting service never consumes another's events.</summary>
    public static async Task<string> CreateVirtualHostAsync(Endpoints endpoints, string name)
    {
        using var http = ManagementClient(endpoints);
        (await http.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        var user = new Uri(endpoints.RabbitMq).UserInfo.Split(':')[0];
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();
        var amqp = new UriBuilder(endpoints.RabbitMq) { Path = "/" + name };
        return amqp.Uri.ToString();
    }

    public static async Task DeleteVirtualHostAsync(Endpoints endpoints, string name)
    {
        using var http = ManagementClient(endpoints);
        await http.DeleteAsync($"api/vhosts/{name}");
    }

    private static HttpClient ManagementClient(Endpoints endpoints)
    {
        var uri = new Uri(endpoints.RabbitMqManagement);
        var http = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "" }.Uri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        return http;
    }
}
