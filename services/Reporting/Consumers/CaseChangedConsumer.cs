using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies case changes published one per message (by relays before packing, or by tools) in batches: whatever arrived
/// within a few milliseconds goes into one transaction. The outbox relay now packs them
/// (<see cref="CaseChangesConsumer{TEvent}"/>); this stays so a rolling upgrade loses nothing in the queue.
/// </summary>
public sealed class CaseChangedConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source) : IConsumer<Batch<TEvent>>
    where TEvent : class
{
    public Task Consume(ConsumeContext<Batch<TEvent>> context) =>
        projector.ApplyAsync(source.Name, context.Message.Select(m => source.ToVersion(m.Message)).ToList(), context.CancellationToken);
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
