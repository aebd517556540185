using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

public sealed class ReconsiderationCaseChangedConsumer(CaseProjector projector, ILogger<ReconsiderationCaseChangedConsumer> logger)
    : IConsumer<ReconsiderationCaseChanged>
{
    public async Task Consume(ConsumeContext<ReconsiderationCaseChanged> context)
    {
        var changed = context.Message;
        var outcome = await projector.ApplyAsync(
            "reconsideration", changed.CaseId, changed.Version, ReconsiderationFigures.Of(changed), context.CancellationToken);
        if (outcome == ApplyOutcome.AlreadyApplied)
            logger.LogDebug("Case {CaseId} version {Version} already applied; ignored", changed.CaseId, changed.Version);
    }
}

/// <summary>
/// Short in-memory retries for transient database errors (a deadlock victim, a failover); after that the message
/// goes to the _error queue rather than being acked. No delayed redelivery: Debian's RabbitMQ lacks the plugin.
/// </summary>
public sealed class ReconsiderationCaseChangedConsumerDefinition : ConsumerDefinition<ReconsiderationCaseChangedConsumer>
{
    public ReconsiderationCaseChangedConsumerDefinition()
    {
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ReconsiderationCaseChangedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 64;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(50, 200, 1000, 2000));
    }
}
