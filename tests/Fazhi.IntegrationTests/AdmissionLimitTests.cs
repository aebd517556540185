using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;
using Xunit;
using StatusCode = Grpc.Core.StatusCode;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Past the admission limit (Admission:MaxConcurrentRequests) an API call is refused at once, before any work is done
/// for it: RESOURCE_EXHAUSTED over gRPC and 429 with Retry-After over JSON, each SERVICE_OVERLOADED with the same 1 s
/// retry hint as a full group-commit queue, and nothing of it is written; health probes still answer. The service
/// admits two calls and saves one command per batch, and a lock on its cases table holds the writer, so the two
/// admitted calls stay in progress and "full" is exact rather than a matter of load.
/// </summary>
public sealed class AdmissionLimitTests : IAsyncLifetime
{
    private const string Org = "410133";
    private const int Permits = 2;
    private const int Extra = 6;

    private readonly string _id = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;
    private ServiceHost _host = null!;

    private string Database => _id + "_reconsideration";
    private string ConnectionString => TestServers.DatabaseConnectionString(_servers, Database);

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var amqp = await TestServers.CreateVirtualHostAsync(_servers, _id);
        _host = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(),
            app => app.MapReconsiderationService(),
            host => host.MigrateAsync<ReconsiderationDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = ConnectionString,
                ["ConnectionStrings:RabbitMq"] = amqp,
                ["Outbox:RelayEnabled"] = "false",
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
                ["Admission:MaxConcurrentRequests"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["GroupCommit:MaxBatch"] = "1",
            });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await TestServers.DropDatabaseAsync(_servers, Database);
        await TestServers.DeleteVirtualHostAsync(_servers, _id);
    }

    [Fact]
    public async Task Calls_past_the_limit_are_refused_at_once_with_a_retry_hint_and_probes_still_answer()
    {
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, Org);
        var client = new ReconsiderationCases.ReconsiderationCasesClient(_host.Grpc(token));

        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync();
        var hold = await blocker.BeginTransactionAsync();
        await using (var lockCases = new NpgsqlCommand("LOCK TABLE cases IN EXCLUSIVE MODE", blocker, hold)) await lockCases.ExecuteNonQueryAsync();

        var first = Create(client);
        await WaitForTheWriterToBlockAsync();

        // One more call finds the second permit free and waits in the writer's queue; the others find both taken.
        // Which of them gets it is a race, how many is not: no call can finish while the writer is held.
        var sent = Enumerable.Range(0, Extra).Select(_ => Create(client)).ToList();
        var waiting = sent.ToList();
        var refused = new List<string>();
        while (refused.Count < Extra - (Permits - 1))
        {
            var done = await Task.WhenAny(waiting.Select(c => c.Call)).WaitAsync(TimeSpan.FromSeconds(30));
            var call = waiting.Single(c => c.Call == done);
            waiting.Remove(call);
            var error = await Assert.ThrowsAsync<RpcException>(() => call.Call);
            Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
            var status = error.GetRpcStatus();
            var info = status?.GetDetail<ErrorInfo>();
            Assert.Equal("SERVICE_OVERLOADED", info?.Reason);
            Assert.Equal("admission", info?.Metadata["limit"]);
            Assert.Equal("reconsideration.fazhi.gov.cn", info?.Domain);
            Assert.Equal(TimeSpan.FromSeconds(1), status?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan());
            refused.Add(call.RequestId);
        }
        Assert.Single(waiting);

        // Over JSON: HTTP 429, Retry-After, and the body JSON transcoding writes for the queue's refusal.
        var jsonRequestId = Guid.NewGuid().ToString();
        using var response = await _host.Http(token).PostAsJsonAsync("v1/reconsideration/cases", new
        {
            requestId = jsonRequestId,
            org = Org,
            receivedOn = "2024-06-03",
            applicantType = "APPLICANT_TYPE_NATURAL_PERSON",
            category = "ACT_CATEGORY_OTHER",
            respondent = "区市场监督管理局",
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.ResourceExhausted, body.GetProperty("code").GetInt32());
        var details = body.GetProperty("details").EnumerateArray().ToList();
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo"
            && d.GetProperty("reason").GetString() == "SERVICE_OVERLOADED");
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.RetryInfo"
            && d.GetProperty("retryDelay").GetString() == "1s");
        refused.Add(jsonRequestId);

        // Probes are not API calls: they answer while every permit is taken.
        using var ready = await _host.Http(null).GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var health = await new Health.HealthClient(_host.Grpc(null)).CheckAsync(new HealthCheckRequest { Service = "ready" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        // Every refusal came while the writer was still held.
        Assert.False(first.Call.IsCompleted);
        Assert.All(waiting, c => Assert.False(c.Call.IsCompleted));

        await hold.RollbackAsync();
        var accepted = waiting.Append(first).ToList();
        foreach (var call in accepted) Assert.Equal(call.RequestId, (await call.Call.WaitAsync(TimeSpan.FromSeconds(30))).RequestId);
        Assert.Equal(accepted.Select(c => c.RequestId).Order(), (await RequestIdsAsync()).Order());
        Assert.Equal(accepted.Count, await CountAsync("SELECT count(*) FROM audit_entries"));

        // With the permits back, a call is admitted again.
        var after = Create(client);
        Assert.Equal(after.RequestId, (await after.Call.WaitAsync(TimeSpan.FromSeconds(30))).RequestId);
    }

    private static (string RequestId, Task<ReconsiderationCase> Call) Create(ReconsiderationCases.ReconsiderationCasesClient client)
    {
        var requestId = Guid.NewGuid().ToString();
        return (requestId, client.CreateCaseAsync(new CreateCaseRequest
        {
            RequestId = requestId,
            Org = Org,
            ReceivedOn = "2024-06-03",
            ApplicantType = ApplicantType.NaturalPerson,
            Category = ActCategory.Other,
            Respondent = "区市场监督管理局",
        }).ResponseAsync);
    }

    /// <summary>Until PostgreSQL shows a session of this database waiting for the lock on cases (the writer's insert).</summary>
    private async Task WaitForTheWriterToBlockAsync()
    {
        const string waiting = """
            SELECT count(*) FROM pg_locks
            WHERE NOT granted AND relation = 'cases'::regclass
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;
        for (var i = 0; i < 600 && await CountAsync(waiting) == 0; i++) await Task.Delay(50);
        Assert.Equal(1, await CountAsync(waiting));
    }

    private async Task<List<string>> RequestIdsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT request_id FROM cases", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        return ids;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(sql, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
