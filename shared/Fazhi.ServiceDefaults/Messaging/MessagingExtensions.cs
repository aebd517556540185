using System.Diagnostics.Metrics;
using Fazhi.ServiceDefaults.Outbox;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings:RabbitMq, an amqp:// URI whose path is the vhost), with
    /// publisher confirms, queues named after the service, each consumer's retry policy from its definition
    /// (<see cref="UseShortRetries"/>), no usage telemetry sent to MassTransit's vendor, and the outbox relay's
    /// readiness check (Healthy in a service without a relay).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@127.0.0.1:5672/");
        var userInfo = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));

        // A consumer waiting out a transient fault would otherwise hold up shutdown for as long as the fault lasts:
        // after this its retry is cancelled and the message returns to its queue (not to _error) for the next instance.
        builder.Services.Configure<MassTransitHostOptions>(host => host.ConsumerStopTimeout ??= TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<OutboxRelayStatus>();
        builder.Services.AddHealthChecks().AddCheck<OutboxRelayHealthCheck>("outbox-relay", tags: [Extensions.ReadyTag]);

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.3+ posts a description of the bus (host, versions, endpoints) to its vendor's server a few
            // minutes after start-up unless told not to. A government system sends nothing out by default.
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), virtualHost.Length == 0 ? "/" : virtualHost, host =>
                {
                    host.Username(Uri.UnescapeDataString(userInfo[0]));
                    host.Password(userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "");
                    host.PublisherConfirmation = true;
                    // A dead peer (a broker behind a dropped network path) is noticed in seconds, not minutes.
                    host.Heartbeat(TimeSpan.FromSeconds(10));
                    host.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// Every consumer's retry policy (its definition calls this). A fault that may pass (<see cref="TransientFaults"/>:
    /// the database or the broker unreachable, a dropped connection, a timeout, a deadlock) is retried in memory for as
    /// long as it lasts, with exponential backoff from 100 ms up to 5 s, while the message stays unacknowledged in its
    /// queue; the consumer resumes within 5 s of the fault clearing, and no valid event is dead-lettered because a
    /// server was away. Any other fault is retried a few times over ~3 s (50 ms, 200 ms, 1 s, 2 s) and the message
    /// then goes to the queue's _error queue, visibly (<see cref="DeadLetters"/>), to be re-driven after a fix; a
    /// message the consumer refuses (<see cref="RejectedMessageException"/>) or cannot read goes there at once.
    /// (Debian's RabbitMQ 3.10 has no delayed-message plugin, so there is no delayed redelivery to use instead of
    /// holding the message.)
    /// </summary>
    public static void UseShortRetries(this IReceiveEndpointConfigurator endpoint)
    {
        // Outside both: whatever still fails is on its way to _error, and is counted and logged with its id.
        endpoint.UseFilter(new DeadLetters.ObserveFilter());
        // Then transient faults, indefinitely. The inner policy passes them straight out to this one.
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(TransientFaults.IsTransient);
            retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
            retry.ConnectRetryObserver(TransientRetryObserver.Instance);
        });
        endpoint.UseMessageRetry(retry =>
        {
            retry.Ignore<Exception>(TransientFaults.IsTransient);
            // The message itself is at fault: it would fail the same way every time, so it goes to _error at once.
            retry.Ignore<RejectedMessageException>();
            retry.Ignore<System.Runtime.Serialization.SerializationException>();
            retry.Ignore<System.Text.Json.JsonException>();
            retry.Intervals(50, 200, 1000, 2000);
        });
    }

    /// <summary>Counts and logs consumers' waits on transient faults: a warning at a message's 1st, 8th and 64th retry, then every 256th.</summary>
    private sealed class TransientRetryObserver : IRetryObserver
    {
        public static readonly TransientRetryObserver Instance = new();

        private static readonly Counter<long> Retries = FazhiTelemetry.Meter.CreateCounter<long>(
            "fazhi.messaging.transient_retries", description: "Consumer retries of a message after a transient fault (the message stays queued)");

        public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext
        {
            Retries.Add(1);
            var attempt = context.RetryAttempt;
            if (attempt is 1 or 8 or 64 || attempt % 256 == 0)
            {
                LogContext.Warning?.Log(
                    "Transient fault while consuming a message (retry {RetryAttempt}): {Reason}; it stays in the queue and is tried again in {Delay}",
                    attempt, context.Exception.GetBaseException().Message, context.Delay);
            }
            return Task.CompletedTask;
        }

        public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

        public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext
        {
            if (context.RetryAttempt > 1)
                LogContext.Info?.Log("Message consumed after {RetryAttempt} retries on transient faults", context.RetryAttempt);
            return Task.CompletedTask;
        }
    }
}
