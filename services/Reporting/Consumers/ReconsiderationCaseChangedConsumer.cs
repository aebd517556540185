using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies case changes published one per message (by relays before packing, or by tools) in batches: whatever arrived
/// within a few milliseconds goes into one transaction. The outbox relay now packs them
/// (<see cref="ReconsiderationCaseChangesConsumer"/>); this stays so a rolling upgrade loses nothing in the queue.
/// </summary>
public sealed class ReconsiderationCaseChangedConsumer(CaseProjector projector) : IConsumer<Batch<ReconsiderationCaseChanged>>
{
    public const string Source = "reconsideration";

    public Task Consume(ConsumeContext<Batch<ReconsiderationCaseChanged>> context) =>
        projector.ApplyAsync(Source, context.Message.Select(m => ToVersion(m.Message)).ToList(), context.CancellationToken);

    internal static CaseVersion ToVersion(ReconsiderationCaseChanged changed) =>
        new(changed.CaseId, changed.Version, ReconsiderationFigures.Of(changed));
}

/// <summary>
/// Short in-memory retries for transient database errors (a failover, a serialization failure); after that the batch
/// goes to the _error queue rather than being acked. No delayed redelivery: Debian's RabbitMQ lacks the plugin.
/// </summary>
public sealed class ReconsiderationCaseChangedConsumerDefinition : ConsumerDefinition<ReconsiderationCaseChangedConsumer>
{
    private const int BatchSize = 100;
    private const int ConcurrentBatches = 4;

    public ReconsiderationCaseChangedConsumerDefinition()
    {
        Endpoint(e => e.PrefetchCount = BatchSize * ConcurrentBatches * 2);
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReconsiderationCaseChangedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseShortRetries();
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(5))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
