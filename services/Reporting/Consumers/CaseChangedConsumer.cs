using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies case changes published one per message (by relays before packing, or by tools) in batches: whatever arrived
/// within a few milliseconds goes into one transaction. The outbox relay now packs them
/// (<see cref="CaseChangesConsumer{TEvent}"/>); this stays so a rolling upgrade loses nothing in the queue. An event
/// that breaks an invariant is screened out (<see cref="EventScreen"/>): its own message goes to _error, the rest of
/// the batch is applied.
/// </summary>
public sealed class CaseChangedConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source, EventScreen screen) : IConsumer<Batch<TEvent>>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<Batch<TEvent>> context)
    {
        var messages = context.Message.ToList();
        var screened = screen.Screen(source.Name, context, messages, m => m.Message, m => m.MessageId);
        if (screened.Accepted.Count > 0)
            await projector.ApplyAsync(source.Name, screened.Accepted.Select(source.ToVersion).ToList(), context.CancellationToken);
        if (screened.Refused.Count == 0) return;
        if (screened.Accepted.Count == 0)
        {
            var (reason, detail) = EventScreen.Describe(screened.Refused);
            throw new RejectedMessageException(reason, detail);
        }
        foreach (var (message, rejection) in screened.Refused)
            await DeadLetters.SendAsync(message, message.Message, rejection.Reason, rejection.ToString());
    }
}

/// <summary>Batches of up to 100 events within 5 ms, four batches at a time.</summary>
public sealed class CaseChangedConsumerDefinition<TEvent>(ReportSource<TEvent> source)
    : SourceConsumerDefinition<CaseChangedConsumer<TEvent>>(source, "case-changed", prefetch: BatchSize * ConcurrentBatches * 2)
    where TEvent : class
{
    private const int BatchSize = 100;
    private const int ConcurrentBatches = 4;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CaseChangedConsumer<TEvent>> consumerConfigurator,
        IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(5))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
