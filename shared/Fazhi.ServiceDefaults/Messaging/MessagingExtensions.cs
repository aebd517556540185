using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings:RabbitMq, an amqp:// URI whose path is the vhost), with
    /// publisher confirms, queues named after the service, and each consumer's retry policy from its definition.
    /// Failed messages go to the consumer queue's _error queue after the in-memory retries: Debian's RabbitMQ
    /// has no delayed-message plugin, so there is no delayed redelivery to fall back on.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var uri = new Uri(builder.Configuration.GetConnectionString("RabbitMq") ?? "amqp://guest:guest@127.0.0.1:5672/");
        var userInfo = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(uri.Host, (ushort)(uri.IsDefaultPort ? 5672 : uri.Port), virtualHost.Length == 0 ? "/" : virtualHost, host =>
                {
                    host.Username(Uri.UnescapeDataString(userInfo[0]));
                    host.Password(userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "");
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// A consumer's retries for transient failures (a database failover, a serialization conflict): a few short
    /// in-memory ones, then the message goes to the _error queue instead of being acked. There is no delayed
    /// redelivery to fall back on: Debian's RabbitMQ 3.10 lacks the plugin.
    /// </summary>
    public static void UseShortRetries(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Intervals(50, 200, 1000, 2000));
}
