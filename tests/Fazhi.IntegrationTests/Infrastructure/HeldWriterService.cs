using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.ServiceDefaults.Hosting;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit;
using StatusCode = Grpc.Core.StatusCode;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// Reconsideration alone (relay off, batches of one), with the means to hold its group-commit writer: a lock on the
/// cases table makes the writer's insert wait, so the commands behind it stay in progress and a limit is reached
/// exactly rather than by load. For the overload tests (<see cref="AdmissionLimitTests"/>, <see cref="GroupCommitOverloadTests"/>).
/// </summary>
public abstract class HeldWriterService(string org, IReadOnlyDictionary<string, string?> settings) : IAsyncLifetime
{
    private readonly string _id = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;

    protected ServiceHost Host { get; private set; } = null!;
    private string Database => _id + "_reconsideration";
    protected string ConnectionString => TestServers.DatabaseConnectionString(_servers, Database);

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
        Host = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(),
            app => app.MapReconsiderationService(),
            host => host.MigrateAsync<ReconsiderationDbContext>(),
            new Dictionary<string, string?>(settings)
            {
                ["ConnectionStrings:Database"] = ConnectionString,
                ["ConnectionStrings:RabbitMq"] = amqp,
                ["Outbox:RelayEnabled"] = "false",
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
                ["GroupCommit:MaxBatch"] = "1",
            });
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        await TestServers.DropDatabaseAsync(_servers, Database);
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }

    /// <summary>Takes the lock the writer's next insert will wait for; rolling the transaction back lets it go.</summary>
    protected async Task<(NpgsqlConnection Connection, NpgsqlTransaction Hold)> HoldTheWriterAsync()
    {
        var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockCases = new NpgsqlCommand("LOCK TABLE cases IN EXCLUSIVE MODE", blocker, hold)) await lockCases.ExecuteNonQueryAsync();
        return (blocker, hold);
    }

    protected (string RequestId, Task<ReconsiderationCase> Call) Create(ReconsiderationCases.ReconsiderationCasesClient client)
    {
        var requestId = Guid.NewGuid().ToString();
        return (requestId, client.CreateCaseAsync(new CreateCaseRequest
        {
            RequestId = requestId,
            Org = org,
            ReceivedOn = "2024-06-03",
            ApplicantType = ApplicantType.NaturalPerson,
            Category = ActCategory.Other,
            Respondent = "区市场监督管理局",
        }).ResponseAsync);
    }

    /// <summary>The same create over JSON; answers its requestId and the response.</summary>
    protected async Task<(string RequestId, HttpResponseMessage Response)> CreateOverJsonAsync(string token)
    {
        var requestId = Guid.NewGuid().ToString();
        var response = await Host.Http(token).PostAsJsonAsync("v1/reconsideration/cases", new
        {
            requestId, org, receivedOn = "2024-06-03", applicantType = "APPLICANT_TYPE_NATURAL_PERSON",
            category = "ACT_CATEGORY_OTHER", respondent = "区市场监督管理局",
        });
        return (requestId, response);
    }

    /// <summary>RESOURCE_EXHAUSTED, SERVICE_OVERLOADED, a 1 s retry hint; answers the ErrorInfo for further checks.</summary>
    protected static ErrorInfo? AssertOverloaded(RpcException error)
    {
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        var status = error.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        Assert.Equal("SERVICE_OVERLOADED", info?.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), status?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan());
        return info;
    }

    /// <summary>HTTP 429 with the body JSON transcoding writes for RESOURCE_EXHAUSTED: the same reason and retry hint.</summary>
    protected static async Task AssertOverloadedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.ResourceExhausted, body.GetProperty("code").GetInt32());
        var details = body.GetProperty("details").EnumerateArray().ToList();
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo"
            && d.GetProperty("reason").GetString() == "SERVICE_OVERLOADED");
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.RetryInfo"
            && d.GetProperty("retryDelay").GetString() == "1s");
    }

    /// <summary>Until PostgreSQL shows a session of this database waiting for the lock on cases (the writer's insert).</summary>
    protected async Task WaitForTheWriterToBlockAsync()
    {
        const string waiting = """
            SELECT count(*) FROM pg_locks
            WHERE NOT granted AND relation = 'cases'::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;
        for (var i = 0; i < 600 && await CountAsync(waiting) == 0; i++) await Task.Delay(50);
        Assert.Equal(1, await CountAsync(waiting));
    }

    protected async Task<List<string>> RequestIdsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT request_id FROM cases", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        return ids;
    }

    protected async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(sql, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
