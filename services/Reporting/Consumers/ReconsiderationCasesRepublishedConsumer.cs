using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>Applies a page of re-published case states (a rebuild) in one transaction.</summary>
public sealed class ReconsiderationCasesRepublishedConsumer(CaseProjector projector) : IConsumer<ReconsiderationCasesRepublished>
{
    public Task Consume(ConsumeContext<ReconsiderationCasesRepublished> context) =>
        projector.ApplyAsync(ReconsiderationCaseChangedConsumer.Source,
            context.Message.Cases.Select(ReconsiderationCaseChangedConsumer.ToVersion).ToList(), context.CancellationToken);
}

public sealed class ReconsiderationCasesRepublishedConsumerDefinition : ConsumerDefinition<ReconsiderationCasesRepublishedConsumer>
{
    public ReconsiderationCasesRepublishedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
        Endpoint(e => e.PrefetchCount = 8);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReconsiderationCasesRepublishedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseShortRetries();
}
