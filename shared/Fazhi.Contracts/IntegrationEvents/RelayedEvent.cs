namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// One integration event as the outbox relay carries it inside a message of several: its outbox row id (the event's
/// identity, the same on every re-publish) and the W3C traceparent of the request that wrote it.
/// </summary>
public sealed record RelayedEvent<T>(Guid EventId, string? TraceParent, T Event);
