using System.Text.Json;
using Fazhi.Contracts.IntegrationEvents;
using Npgsql;

namespace Fazhi.FaultRunner.Injection;

/// <summary>
/// Sends events to reporting that no domain service sent at that moment: real past events again (duplicates, and older
/// versions after newer ones), and hostile ones (<see cref="HostileEventSet"/>), each through a publish-only bus set up
/// as the services' (<see cref="InjectorBus"/>).
/// </summary>
public sealed class EventInjector(SystemUnderTest system, TextWriter log)
{
    // The outbox's payload options (System.Text.Json's web defaults), as the relay reads a row.
    private static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Publishes up to <paramref name="perService"/> already-sent outbox rows of each domain service again, newest first
    /// (so older versions arrive after newer ones), twice: first each row as a message of its own, then all of a
    /// service's rows of one type packed in one message as a relay pass packs them. Each message is built as the relay
    /// builds it (<c>CaseChanges&lt;TEvent&gt;</c> holding the row's id and trace context, the message id its first
    /// row's id, durable). Answers how many broker messages were published.
    /// </summary>
    public async Task<int> ReplayAsync(int perService, CancellationToken ct)
    {
        await using var bus = await InjectorBus.StartAsync(system.Amqp, ct);
        var published = 0;
        foreach (var service in Services.Domain)
        {
            var rows = await SentRowsAsync(system.Databases[service], perService, ct);
            var readable = new List<(Guid Id, string Type, string? TraceParent, object Event)>();
            foreach (var row in rows)
            {
                var type = IntegrationEventTypes.Resolve(row.Type);
                var integrationEvent = JsonSerializer.Deserialize(row.Payload, type, OutboxJson)
                    ?? throw new InvalidOperationException($"Outbox row {row.Id} of {service} has an empty payload");
                readable.Add((row.Id, row.Type, row.TraceParent, integrationEvent));
            }
            // One a message, newest first.
            foreach (var row in readable)
            {
                var (message, type) = Pack(row.Type, [row]);
                await bus.PublishAsync(message, type, row.Id, ct);
                published++;
            }
            // Then as a relay pass carries them: one message per packed type, the others one each.
            foreach (var group in readable.GroupBy(r => r.Type))
            {
                if (IntegrationEventTypes.PackerOf(group.Key) is null)
                {
                    foreach (var row in group)
                    {
                        await bus.PublishAsync(row.Event, row.Event.GetType(), row.Id, ct);
                        published++;
                    }
                    continue;
                }
                var (message, type) = Pack(group.Key, [.. group]);
                await bus.PublishAsync(message, type, group.First().Id, ct);
                published++;
            }
            log.WriteLine($"[inject] {service}: {readable.Count} sent events published again, newest first, twice");
        }
        log.WriteLine($"[inject] replay: {published} messages published");
        return published;
    }

    /// <summary>Publishes the hostile events (one line each in the answer, saying what it is) for <paramref name="org"/>.</summary>
    public async Task<IReadOnlyList<string>> HostileAsync(string org, CancellationToken ct)
    {
        var events = await HostileEventSet.ForAsync(system, org, ct);
        await using var bus = await InjectorBus.StartAsync(system.Amqp, ct);
        foreach (var hostile in events)
        {
            await bus.PublishAsync(hostile.Message, hostile.Message.GetType(), hostile.EventId, ct);
            log.WriteLine($"[inject] hostile: {hostile.Description}");
        }
        return [.. events.Select(e => e.Description)];
    }

    private static (object Message, Type Type) Pack(string typeName, IReadOnlyList<(Guid Id, string Type, string? TraceParent, object Event)> rows)
    {
        var packer = IntegrationEventTypes.PackerOf(typeName);
        if (packer is null) return (rows[0].Event, rows[0].Event.GetType());
        var packed = packer(rows.Select(r => new RelayedEvent<object>(r.Id, r.TraceParent, r.Event)));
        return (packed, packed.GetType());
    }

    private static async Task<List<(Guid Id, string Type, string Payload, string? TraceParent)>> SentRowsAsync(
        string connectionString, int limit, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT id, message_type, payload::text, trace_parent FROM outbox_messages WHERE sent_at IS NOT NULL ORDER BY sequence DESC LIMIT $1",
            connection)
        {
            Parameters = { new() { Value = limit } },
        };
        var rows = new List<(Guid, string, string, string?)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return rows;
    }
}
