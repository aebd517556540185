using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies the case changes one outbox relay pass packed into one message, in one transaction. Under load a message
/// holds dozens of changes, so the broker, MassTransit and the transaction are paid once for all of them.
/// </summary>
public sealed class ReconsiderationCaseChangesConsumer(CaseProjector projector) : IConsumer<ReconsiderationCaseChanges>
{
    public async Task Consume(ConsumeContext<ReconsiderationCaseChanges> context)
    {
        var events = context.Message.Events;
        using var spans = RelayedEventSpans.Start("reporting apply ReconsiderationCaseChanged", events.Select(e => e.TraceParent));
        try
        {
            await projector.ApplyAsync(ReconsiderationCaseChangedConsumer.Source,
                events.Select(e => ReconsiderationCaseChangedConsumer.ToVersion(e.Event)).ToList(), context.CancellationToken);
        }
        catch (Exception ex)
        {
            spans.Fail(ex);
            throw;
        }
    }
}

/// <summary>
/// Short in-memory retries for transient database errors; after that the message goes to the _error queue rather than
/// being acked. No delayed redelivery: Debian's RabbitMQ lacks the plugin.
/// </summary>
public sealed class ReconsiderationCaseChangesConsumerDefinition : ConsumerDefinition<ReconsiderationCaseChangesConsumer>
{
    public ReconsiderationCaseChangesConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
        Endpoint(e => e.PrefetchCount = 16);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReconsiderationCaseChangesConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseShortRetries();
}
