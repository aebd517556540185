using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reconsideration.Extensions;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;
using StatusCode = Grpc.Core.StatusCode;

namespace Fazhi.IntegrationTests;

/// <summary>
/// A database that cannot be reached is UNAVAILABLE / HTTP 503 with a RetryInfo (a retry is safe), not
/// HTTP 500 / UNKNOWN, and the gRPC health check says NOT_SERVING. The host also runs with Grpc:Reflection=false.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string _vhost = "fz_" + Guid.NewGuid().ToString("N")[..12];
    private TestServers.Endpoints _servers = null!;
    private ServiceHost _host = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        var amqp = await TestServers.CreateVirtualHostAsync(_servers, _vhost);
        _host = await ServiceHost.StartAsync(
            builder => builder.AddReconsiderationService(),
            app => app.MapReconsiderationService(),
            _ => Task.CompletedTask,
            new Dictionary<string, string?>
            {
                // Port 1 on loopback refuses connections at once: PostgreSQL is "down".
                ["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2",
                ["ConnectionStrings:RabbitMq"] = amqp,
                ["Outbox:RelayEnabled"] = "false",
                ["Auth:DevSigningKey"] = FazhiSystem.SigningKey,
                // Also shows the setting that turns reflection off (it is on by default in Development).
                ["Grpc:Reflection"] = "false",
            });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await TestServers.DeleteVirtualHostAsync(_servers, _vhost);
    }

    private static void AssertUnavailable(Google.Rpc.Status? status)
    {
        Assert.NotNull(status);
        Assert.Equal((int)Code.Unavailable, status.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal(ErrorReasons.DatabaseUnavailable, info?.Reason);
        Assert.Equal("reconsideration.fazhi.gov.cn", info?.Domain);
        Assert.True(status.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task Reads_and_writes_are_unavailable_with_a_retry_hint_and_health_is_not_serving()
    {
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410105");
        var client = new ReconsiderationCases.ReconsiderationCasesClient(_host.Grpc(token));

        var create = new CreateCaseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Org = "410105", ReceivedOn = "2024-03-01",
            ApplicantType = ApplicantType.NaturalPerson, Category = ActCategory.Other, Respondent = "区政府",
        };
        var created = await Assert.ThrowsAsync<RpcException>(() => client.CreateCaseAsync(create).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, created.StatusCode);
        AssertUnavailable(created.GetRpcStatus());

        var read = await Assert.ThrowsAsync<RpcException>(() => client.GetCaseAsync(new GetCaseRequest { Id = Guid.CreateVersion7().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, read.StatusCode);
        AssertUnavailable(read.GetRpcStatus());

        using var response = await _host.Http(token).GetAsync("v1/reconsideration/cases?org=410105");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)StatusCode.Unavailable, body.GetProperty("code").GetInt32());
        var details = body.GetProperty("details").EnumerateArray().ToList();
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo"
            && d.GetProperty("reason").GetString() == ErrorReasons.DatabaseUnavailable);
        Assert.Contains(details, d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.RetryInfo"
            && d.GetProperty("retryDelay").GetString() == "1s");

        // The gRPC health check says so too (and the process itself is live).
        var health = new Health.HealthClient(_host.Grpc(null));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "live" })).Status);

        // The outage did not stop the service (a background service failing on it would have, StopHost).
        var lifetime = _host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "the database outage stopped the service");
    }

    [Fact]
    public async Task Reflection_is_off_when_the_setting_says_so()
    {
        var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(_host.Grpc(FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "410105")));
        using var call = reflection.ServerReflectionInfo();
        try
        {
            await call.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        }
        catch (RpcException)
        {
            // The server may refuse the call before the request is written: the write then fails, the answer stands.
        }
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
