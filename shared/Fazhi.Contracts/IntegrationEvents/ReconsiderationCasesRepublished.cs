namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// A page of cases' current states, re-published so a reporting store can be rebuilt (architecture.md, "Rebuild").
/// Pages rather than one message per case: a rebuild moves a million states, and per-message broker and
/// transaction costs would dominate.
/// </summary>
public sealed record ReconsiderationCasesRepublished
{
    public required Guid RebuildId { get; init; }
    public required IReadOnlyList<ReconsiderationCaseChanged> Cases { get; init; }
}
