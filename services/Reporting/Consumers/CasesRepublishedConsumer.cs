using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Projection;
using Fazhi.Reporting.Sources;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Applies a page of re-published case states (a rebuild) in one transaction; states that break an invariant are
/// screened out and dead-lettered as a page of their own (<see cref="EventScreen"/>).
/// </summary>
public sealed class CasesRepublishedConsumer<TEvent>(CaseProjector projector, ReportSource<TEvent> source, EventScreen screen) : IConsumer<CasesRepublished<TEvent>>
    where TEvent : class
{
    public async Task Consume(ConsumeContext<CasesRepublished<TEvent>> context)
    {
        var screened = screen.Screen(source.Name, context, context.Message.Cases, c => c, _ => null);
        if (screened.Accepted.Count > 0)
            await projector.ApplyAsync(source.Name, screened.Accepted.Select(source.ToVersion).ToList(), context.CancellationToken);
        await EventScreen.DeadLetterRefusedAsync(context, screened,
            refused => new CasesRepublished<TEvent> { RebuildId = context.Message.RebuildId, Cases = refused });
    }
}

public sealed class CasesRepublishedConsumerDefinition<TEvent>(ReportSource<TEvent> source)
    : SourceConsumerDefinition<CasesRepublishedConsumer<TEvent>>(source, "cases-republished", prefetch: 8, concurrentMessages: 4)
    where TEvent : class;
