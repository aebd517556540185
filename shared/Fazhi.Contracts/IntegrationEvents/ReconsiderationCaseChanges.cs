namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The <see cref="ReconsiderationCaseChanged"/> events one relay pass claimed from the outbox, in outbox order, as one
/// broker message. Under load a pass claims dozens of events, and the broker's, the relay's and the consumer's cost is
/// per message, not per byte; each event keeps its own id and trace inside.
/// </summary>
public sealed record ReconsiderationCaseChanges
{
    public required IReadOnlyList<RelayedEvent<ReconsiderationCaseChanged>> Events { get; init; }
}
