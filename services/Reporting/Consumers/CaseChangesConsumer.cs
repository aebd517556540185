using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies the case changes one outbox relay pass packed into one message, in one transaction. Under load a message
/// holds dozens of changes, so the broker, MassTransit and the transaction are paid once for all of them. Events that
/// break an invariant are screened out first (<see cref="EventScreen"/>) and dead-lettered, never applied.
/// </summary>
public sealed class CaseChangesConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source, EventScreen screen) : IConsumer<CaseChanges<TEvent>>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<CaseChanges<TEvent>> context)
    {
        var screened = screen.Screen(source.Name, context, context.Message.Events, e => e.Event, e => e.EventId);
        if (screened.Accepted.Count > 0)
        {
            var accepted = context.Message.Events.Where(e => !screened.Refused.Any(r => ReferenceEquals(r.Item, e)));
            using var spans = RelayedEventSpans.Start($"reporting apply {typeof(TEvent).Name}", accepted.Select(e => e.TraceParent));
            try
            {
                await projector.ApplyAsync(source.Name, screened.Accepted.Select(source.ToVersion).ToList(), context.CancellationToken);
            }
            catch (Exception ex)
            {
                spans.Fail(ex);
                throw;
            }
        }
        await EventScreen.DeadLetterRefusedAsync(context, screened, refused => new CaseChanges<TEvent> { Events = refused });
    }
}

public sealed class CaseChangesConsumerDefinition<TEvent>(ReportSource<TEvent> source)
    : SourceConsumerDefinition<CaseChangesConsumer<TEvent>>(source, "case-changes", prefetch: 16, concurrentMessages: 4)
    where TEvent : class;
