using System.Threading.RateLimiting;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fazhi.ServiceDefaults.Admission;

/// <summary>
/// The admission limit (section Admission): at most <see cref="AdmissionOptions.MaxConcurrentRequests"/> API calls in
/// progress, none queued. A call past it is refused before authentication or any other work, with the same
/// RESOURCE_EXHAUSTED / SERVICE_OVERLOADED answer and 1 s retry hint as a full group-commit queue, so a client has
/// one rule for both: wait and retry.
/// </summary>
public static class AdmissionExtensions
{
    private const string Limited = "api";
    private const string Exempt = "exempt";

    public static IHostApplicationBuilder AddAdmissionLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdmissionOptions>().BindConfiguration(AdmissionOptions.Section)
            .Validate(o => o.MaxConcurrentRequests >= 0, "Admission:MaxConcurrentRequests must be 0 (off) or more")
            .ValidateOnStart();
        builder.Services.AddSingleton<AdmissionRefusal>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<AdmissionOptions>, AdmissionRefusal>((limiter, admission, refusal) =>
        {
            var permits = admission.Value.MaxConcurrentRequests;
            if (permits == 0) return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsApiCall(context)
                ? RateLimitPartition.GetConcurrencyLimiter(Limited, _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(Exempt));
            limiter.OnRejected = (rejected, _) => refusal.WriteAsync(rejected.HttpContext);
        });
        return builder;
    }

    /// <summary>First in the pipeline after routing (which only matches the path): a refusal costs next to nothing.</summary>
    public static WebApplication UseAdmissionLimit(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// A call of one of the service's own gRPC methods, over gRPC or JSON transcoding. Not limited: health probes
    /// (HTTP and grpc.health.v1), server reflection, the dashboard's page and files, and anything no route matched.
    /// </summary>
    private static bool IsApiCall(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
        && grpc.Method.ServiceName is var service
        && service != "grpc.health.v1.Health"
        && !service.StartsWith("grpc.reflection.", StringComparison.Ordinal);
}
