using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>Applies a page of re-published case states (a rebuild) in one transaction.</summary>
public sealed class CasesRepublishedConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source) : IConsumer<CasesRepublished<TEvent>>
    where TEvent : class
{
    public Task Consume(ConsumeContext<CasesRepublished<TEvent>> context) =>
        projector.ApplyAsync(source.Name, context.Message.Cases.Select(source.ToVersion).ToList(), context.CancellationToken);
}

public sealed class CasesRepublishedConsumerDefinition<TEvent> : ConsumerDefinition<CasesRepublishedConsumer<TEvent>>
    where TEvent : class
{
    public CasesRepublishedConsumerDefinition(ReportSource<TEvent> source)
    {
        EndpointName = $"reporting-{source.Name}-cases-republished";
        ConcurrentMessageLimit = 4;
        Endpoint(e => e.PrefetchCount = 8);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CasesRepublishedConsumer<TEvent>> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseShortRetries();
}
