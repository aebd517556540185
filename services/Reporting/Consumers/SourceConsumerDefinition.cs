using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// The endpoint of a source's consumer: a queue named after the source (the generic consumer type's own name is the
/// same for every source), its prefetch and concurrency, and retries per UseShortRetries: a transient fault (database
/// or broker away) until it passes, the message staying queued; any other a few times, then the _error queue rather
/// than being acked. No delayed redelivery: Debian's RabbitMQ lacks the plugin.
/// </summary>
public abstract class SourceConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected SourceConsumerDefinition(ReportSource source, string queue, int prefetch, int? concurrentMessages = null)
    {
        EndpointName = $"reporting-{source.Name}-{queue}";
        if (concurrentMessages is { } limit) ConcurrentMessageLimit = limit;
        Endpoint(e => e.PrefetchCount = prefetch);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseShortRetries();
}
