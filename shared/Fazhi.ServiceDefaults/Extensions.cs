using Fazhi.ServiceDefaults.Admission;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fazhi.ServiceDefaults;

/// <summary>What every Fazhi service has: ports, telemetry, health, gRPC with transcoding and error mapping.</summary>
public static class Extensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <param name="serviceName">Names the service in traces and metrics, and prefixes its queues.</param>
    /// <param name="httpPort">Default JSON-over-HTTP/1.1 port (Fazhi:HttpPort overrides).</param>
    /// <param name="grpcPort">Default gRPC h2c port (Fazhi:GrpcPort overrides).</param>
    /// <param name="access">The roles that may read and write this service (administrators always may).</param>
    public static WebApplicationBuilder AddServiceDefaults(
        this WebApplicationBuilder builder, string serviceName, int httpPort, int grpcPort, AccessRules access)
    {
        builder.Services.AddSingleton(new FazhiServiceInfo(serviceName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BusinessClock>();
        builder.ConfigurePorts(httpPort, grpcPort);
        builder.ConfigureOpenTelemetry(serviceName);
        builder.AddAdmissionLimit();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.AddFazhiAuthentication(access);
        // The registry lets transcoding write the error details (ErrorInfo, BadRequest, PreconditionFailure,
        // ResourceInfo, RetryInfo) into JSON errors.
        builder.Services.AddGrpc(options =>
            {
                options.Interceptors.Add<ErrorMappingInterceptor>();
                options.Interceptors.Add<AuditCallInterceptor>();
            })
            .AddJsonTranscoding(options => options.TypeRegistry = ErrorStatus.DetailTypes);
        builder.AddGrpcHealthAndReflection();
        return builder;
    }

    /// <summary>The grpc.health.v1 service names: "" and "ready" answer as /health/ready does, "live" as /health/live.</summary>
    public static readonly IReadOnlyList<string> GrpcHealthServices = ["", "ready", "live"];

    /// <summary>
    /// grpc.health.v1.Health on the gRPC port, fed by the same checks as the HTTP health endpoints (run on each Check),
    /// for Kubernetes' gRPC probes and grpc_health_probe; server reflection (grpcurl, grpcui) when
    /// <c>Grpc:Reflection</c> is true, which it is by default in the Development environment only.
    /// </summary>
    private static void AddGrpcHealthAndReflection(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Clear();
            options.Services.Map("", check => check.Tags.Contains(ReadyTag));
            options.Services.Map("ready", check => check.Tags.Contains(ReadyTag));
            options.Services.Map("live", check => check.Tags.Contains(LiveTag));
        });
        if (ReflectionEnabled(builder.Configuration, builder.Environment)) builder.Services.AddGrpcReflection();
    }

    private static bool ReflectionEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Grpc:Reflection", environment.IsDevelopment());

    // Kestrel cannot serve h2c gRPC and HTTP/1.1 JSON on one cleartext port (no ALPN without TLS), hence two.
    private static void ConfigurePorts(this WebApplicationBuilder builder, int httpPort, int grpcPort)
    {
        var http = builder.Configuration.GetValue("Fazhi:HttpPort", httpPort);
        var grpc = builder.Configuration.GetValue("Fazhi:GrpcPort", grpcPort);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenAnyIP(http, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.ListenAnyIP(grpc, listen => listen.Protocols = HttpProtocols.Http2);
        });
    }

    private static void ConfigureOpenTelemetry(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("MassTransit", FazhiTelemetry.Name));

        // Spans cost CPU on every call and database command; they are recorded only when there is somewhere to send
        // them. W3C trace context still flows through HTTP, the outbox and RabbitMQ either way.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("MassTransit", FazhiTelemetry.Name))
                .UseOtlpExporter();
        }
    }

    /// <summary>
    /// Liveness answers while the process runs; readiness also needs the database and the bus. The same on the gRPC
    /// port through grpc.health.v1.Health (<see cref="GrpcHealthServices"/>).
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        // First: past the admission limit an API call is refused before any other work is spent on it.
        app.UseAdmissionLimit();
        // JSON refusals that never reach a service method (unparsable body, unknown route) get an ErrorInfo too.
        app.UseMiddleware<JsonErrorBodies>();
        app.UseAuthentication();
        app.UseAuthorization();
        // After the token and role checks: a JSON field the request message lacks, or of the wrong type, named (INVALID_INPUT).
        app.UseMiddleware<JsonFieldCheck>();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        // Probes carry no token. Reflection needs none either: it tells only the schema, which docs/api.md publishes,
        // and so `grpcurl list` and `grpcurl … grpc.health.v1.Health/Check` work without one. Every other call needs one.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        if (ReflectionEnabled(app.Configuration, app.Environment)) app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}

public sealed record FazhiServiceInfo(string Name);
