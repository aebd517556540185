using System.Diagnostics;
using System.Text.Json;
using Fazhi.Contracts.IntegrationEvents;

namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// One broker message of a relay pass and the outbox rows it carries: a row of its own, or all the pass's rows of a
/// type the relay packs (<see cref="IntegrationEventTypes.PackerOf"/>). Its MessageId is its first row's id, so
/// re-publishing the same rows after a crash repeats that id; consumers recognise repeats per event by its version.
/// </summary>
internal sealed record RelayMessage(IReadOnlyList<OutboxMessage> Rows, object Message, Type Type)
{
    public Guid MessageId => Rows[0].Id;

    /// <summary>
    /// The messages for a pass's rows, grouped by type in order of first appearance. A row whose payload cannot be
    /// read is left out and returned with its error, so one bad row never holds back the others.
    /// </summary>
    public static (List<RelayMessage> Messages, List<(OutboxMessage Row, Exception Error)> Unreadable) Pack(IReadOnlyList<OutboxMessage> rows)
    {
        var messages = new List<RelayMessage>();
        var unreadable = new List<(OutboxMessage, Exception)>();
        foreach (var group in rows.GroupBy(r => r.MessageType))
        {
            var readable = new List<(OutboxMessage Row, object Event, Type Type)>();
            foreach (var row in group)
            {
                try
                {
                    var type = IntegrationEventTypes.Resolve(row.MessageType);
                    var integrationEvent = JsonSerializer.Deserialize(row.Payload, type, OutboxJson.Options)
                        ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload");
                    readable.Add((row, integrationEvent, type));
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
                {
                    unreadable.Add((row, ex));
                }
            }
            if (readable.Count == 0) continue;

            var packer = IntegrationEventTypes.PackerOf(group.Key);
            if (packer is null)
            {
                messages.AddRange(readable.Select(r => new RelayMessage([r.Row], r.Event, r.Type)));
                continue;
            }
            var packed = packer(readable.Select(r => new RelayedEvent<object>(r.Row.Id, r.Row.TraceParent, r.Event)));
            messages.Add(new RelayMessage(readable.Select(r => r.Row).ToList(), packed, packed.GetType()));
        }
        return (messages, unreadable);
    }

    /// <summary>
    /// The producer span: a child of the first row's request and linked to every other row's, so each request's
    /// trace leads to the message that carried its event. Null when nobody listens (no exporter, no test listener).
    /// </summary>
    public Activity? StartActivity()
    {
        if (!FazhiTelemetry.Source.HasListeners()) return null;
        ActivityContext.TryParse(Rows[0].TraceParent, null, out var parent);
        var links = Rows.Skip(1)
            .Select(r => ActivityContext.TryParse(r.TraceParent, null, out var context) ? new ActivityLink(context) : default)
            .Where(link => link.Context != default)
            .ToList();
        var activity = FazhiTelemetry.Source.StartActivity("outbox relay " + Rows[0].MessageType, ActivityKind.Producer, parent, links: links);
        activity?.SetTag("messaging.message.id", MessageId);
        activity?.SetTag("messaging.batch.message_count", Rows.Count);
        return activity;
    }
}
