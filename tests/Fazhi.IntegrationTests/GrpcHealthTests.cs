using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Xunit;
using StatusCode = Grpc.Core.StatusCode;

namespace Fazhi.IntegrationTests;

/// <summary>grpc.health.v1.Health without a token (Kubernetes' gRPC probes) and server reflection (grpcurl, grpcui).</summary>
public sealed class GrpcHealthTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Health_check_answers_serving_without_a_token_on_both_services()
    {
        foreach (var host in new[] { system.Reconsideration, system.Reporting })
        {
            var health = new Health.HealthClient(host.Grpc(null));
            foreach (var service in new[] { "", "ready", "live" })
            {
                var answer = await health.CheckAsync(new HealthCheckRequest { Service = service });
                Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, answer.Status);
            }
            var unknown = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task Reflection_lists_the_services_and_their_descriptors_without_a_token()
    {
        var reflection = new ServerReflection.ServerReflectionClient(system.Reconsideration.Grpc(null));
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(ReconsiderationCases.Descriptor.FullName, names);
        Assert.Contains("grpc.health.v1.Health", names);

        // Its descriptors are there too, so grpcurl can build requests from them.
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = ReconsiderationCases.Descriptor.FullName });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.NotEmpty(call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto);

        // Reflection is open; the service's own methods are not.
        var anonymous = new ReconsiderationCases.ReconsiderationCasesClient(system.Reconsideration.Grpc(null));
        var refused = await Assert.ThrowsAsync<RpcException>(() => anonymous.ListCasesAsync(new ListCasesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("TOKEN_MISSING", refused.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }
}
