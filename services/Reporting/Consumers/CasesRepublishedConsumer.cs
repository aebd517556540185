using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>Applies a page of re-published case states (a rebuild) in one transaction.</summary>
public sealed class CasesRepublishedConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source) : IConsumer<CasesRepublished<TEvent>>
    where TEvent : class
{
    public Task Consume(ConsumeContext<CasesRepublished<TEvent>> context) =>
        projector.ApplyAsync(source.Name, context.Message.Cases.Select(source.ToVersion).ToList(), context.CancellationToken);
}

public sealed class CasesRepublishedConsumerDefinition<TEvent>(ReportSource<TEvent> source)
    : SourceConsumerDefinition<CasesRepublishedConsumer<TEvent>>(source, "cases-republished", prefetch: 8, concurrentMessages: 4)
    where TEvent : class;
