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

public sealed class CaseChangesConsumerDefinition<TEvent>(ReportSource<TEvent> source)
    : SourceConsumerDefinition<CaseChangesConsumer<TEvent>>(source, "case-changes", prefetch: 16, concurrentMessages: 4)
    where TEvent : class;
