using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies the case changes one outbox relay pass packed into one message, in one transaction. Under load a message
/// holds dozens of changes, so the broker, MassTransit and the transaction are paid once for all of them.
/// </summary>
public sealed class CaseChangesConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source) : IConsumer<CaseChanges<TEvent>>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<CaseChanges<TEvent>> context)
    {
        var events = context.Message.Events;
        using var spans = RelayedEventSpans.Start($"reporting apply {typeof(TEvent).Name}", events.Select(e => e.TraceParent));
        try
        {
            await projector.ApplyAsync(source.Name, events.Select(e => source.ToVersion(e.Event)).ToList(), context.CancellationToken);
        }
        catch (Exception ex)
        {
            spans.Fail(ex);
            throw;
        }
    }
}

/// <summary>
/// Retries per UseShortRetries: a transient fault (database or broker away) until it passes, the message staying queued;
/// any other a few times, then the _error queue rather than being acked. No delayed redelivery: Debian's RabbitMQ lacks the plugin.
/// </summary>
public sealed class CaseChangesConsumerDefinition<TEvent> : ConsumerDefinition<CaseChangesConsumer<TEvent>>
    where TEvent : class
{
    public CaseChangesConsumerDefinition(ReportSource<TEvent> source)
    {
        // Named per source: the consumer type's own name is the same for every source.
        EndpointName = $"reporting-{source.Name}-case-changes";
        ConcurrentMessageLimit = 4;
        Endpoint(e => e.PrefetchCount = 16);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CaseChangesConsumer<TEvent>> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseShortRetries();
}
