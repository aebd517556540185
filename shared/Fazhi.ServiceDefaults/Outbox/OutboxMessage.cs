namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// An integration event written in the same transaction as the change it describes. Its id becomes the
/// broker MessageId, so a re-publish after a crash is recognisably the same message.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; }

    /// <summary>Database-assigned order of writing; the relay publishes in this order.</summary>
    public long Sequence { get; private set; }

    public string MessageType { get; private set; } = "";
    public string Payload { get; private set; } = "";

    /// <summary>W3C traceparent of the request that wrote it, so one trace spans API, relay and consumer.</summary>
    public string? TraceParent { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    private OutboxMessage() { }

    /// <summary>A pending row as the relay reads it: what it publishes, nothing more.</summary>
    internal static OutboxMessage Claimed(Guid id, string messageType, string payload, string? traceParent) => new()
    {
        Id = id,
        MessageType = messageType,
        Payload = payload,
        TraceParent = traceParent,
    };

    public static OutboxMessage For(object integrationEvent, DateTimeOffset now, string? traceParent) => new()
    {
        Id = Guid.CreateVersion7(now),
        MessageType = Contracts.IntegrationEvents.IntegrationEventTypes.NameOf(integrationEvent.GetType()),
        Payload = System.Text.Json.JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), OutboxJson.Options),
        TraceParent = traceParent,
        CreatedAt = now,
    };
}

internal static class OutboxJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}
