namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The case-state events of one kind that one relay pass claimed from the outbox, in outbox order, as one broker
/// message. Under load a pass claims dozens of events, and the broker's, the relay's and the consumer's cost is per
/// message, not per byte; each event keeps its own id and trace inside.
/// </summary>
public sealed record CaseChanges<TEvent>
{
    public required IReadOnlyList<RelayedEvent<TEvent>> Events { get; init; }
}

/// <summary>
/// A page of one service's cases' current states, re-published so a reporting store can be rebuilt. Pages rather than
/// one message per case: a rebuild moves a million states, and per-message broker and transaction costs would dominate.
/// </summary>
public sealed record CasesRepublished<TEvent>
{
    public required Guid RebuildId { get; init; }
    public required IReadOnlyList<TEvent> Cases { get; init; }
}
