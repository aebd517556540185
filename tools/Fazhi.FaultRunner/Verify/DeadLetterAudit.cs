using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.FaultRunner.Injection;

namespace Fazhi.FaultRunner.Verify;

/// <summary>The messages in the run's <c>_error</c> queues: how many, and whether any is not one the run made hostile.</summary>
/// <param name="Total">Messages in every <c>_error</c> queue of the virtual host.</param>
/// <param name="Hostile">Events in them that <see cref="EventInjector.HostileAsync"/> made (one per hostile event sent:
/// a message packing several events counts each hostile one).</param>
/// <param name="Unexpected">One line per message holding anything else (queue, message id, the reason it carries).</param>
public sealed record DeadLetterResult(int Total, int Hostile, IReadOnlyList<string> Unexpected)
{
    public bool Ok(int hostileSent) => Unexpected.Count == 0 && Hostile == hostileSent;
}

/// <summary>
/// Reads every message of the virtual host's <c>_error</c> queues through RabbitMQ's management API, putting each
/// back (<c>ackmode: ack_requeue_true</c>, so the audit loses nothing and an operator can still re-drive them), and
/// sorts the events in them into the hostile ones (their event or message id carries <see cref="HostileMarker"/>) and
/// the rest: a valid event dead-lettered is a figure lost until someone re-drives it.
/// </summary>
public static class DeadLetterAudit
{
    private const string ReasonHeader = "Fazhi-Rejected-Reason";
    private const string FaultHeader = "MT-Fault-Message";

    public static async Task<DeadLetterResult> RunAsync(SystemUnderTest system, CancellationToken ct)
    {
        using var http = ManagementClient(system.RabbitManagement);
        var vhost = Uri.EscapeDataString(system.VirtualHost);
        var queues = await http.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}?columns=name,messages", ct);
        var total = 0;
        var hostile = 0;
        var unexpected = new List<string>();
        foreach (var queue in queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)
                     .Where(n => n.EndsWith("_error", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var message in await PeekAllAsync(http, vhost, queue, ct))
            {
                total++;
                var sorted = Sort(message);
                hostile += sorted.Hostile;
                if (sorted.Other.Count > 0)
                {
                    unexpected.Add($"{queue} message {sorted.MessageId}: {sorted.Other.Count} event(s) not made hostile by the run "
                        + $"({string.Join(", ", sorted.Other.Take(5))}{(sorted.Other.Count > 5 ? ", …" : "")}): {sorted.Reason}");
                }
            }
        }
        return new DeadLetterResult(total, hostile, unexpected);
    }

    private sealed record Sorted(string MessageId, int Hostile, List<string> Other, string Reason);

    /// <summary>
    /// Counts the hostile events of one dead letter: each event of a packed message (<c>CaseChanges</c>) by its own id,
    /// a single event by its message id; a rebuild page or an unreadable body is never hostile.
    /// </summary>
    private static Sorted Sort(JsonElement message)
    {
        var properties = message.GetProperty("properties");
        var transportHeaders = properties.TryGetProperty("headers", out var h) ? h : default;
        var body = Body(message);
        JsonElement envelope = default;
        var readable = body is not null && TryParse(body, out envelope);
        var messageId = Text(properties, "message_id") ?? (readable ? Text(envelope, "messageId") : null) ?? "(no id)";
        var reason = Text(transportHeaders, ReasonHeader) ?? Text(transportHeaders, FaultHeader)
            ?? (readable && Find(envelope, "headers") is { } envelopeHeaders ? Text(envelopeHeaders, ReasonHeader) ?? Text(envelopeHeaders, FaultHeader) : null)
            ?? "no reason given";
        if (!readable || Find(envelope, "message") is not { } content)
            return new Sorted(messageId, 0, ["an unreadable body"], reason);

        var hostile = 0;
        var other = new List<string>();
        if (Find(content, "events") is { ValueKind: JsonValueKind.Array } events)
        {
            foreach (var relayed in events.EnumerateArray())
            {
                if (HostileMarker.IsHostile(Text(relayed, "eventId"))) hostile++;
                else other.Add("case " + (Find(relayed, "event") is { } e ? Text(e, "caseId") : null));
            }
        }
        else if (Find(content, "cases") is { ValueKind: JsonValueKind.Array } cases)
        {
            other.AddRange(cases.EnumerateArray().Select(c => "case " + Text(c, "caseId")));
        }
        else if (HostileMarker.IsHostile(messageId)) hostile++;
        else other.Add("case " + Text(content, "caseId"));
        return new Sorted(messageId, hostile, other, reason);
    }

    private static async Task<List<JsonElement>> PeekAllAsync(HttpClient http, string vhost, string queue, CancellationToken ct)
    {
        // Taken and put back: the management API's queue statistics lag by seconds, the messages do not.
        var request = JsonContent.Create(new { count = 1_000_000, ackmode = "ack_requeue_true", encoding = "auto" });
        using var response = await http.PostAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}/get", request, ct);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return [.. messages.EnumerateArray().Select(m => m.Clone())];
    }

    private static string? Body(JsonElement message)
    {
        var payload = Text(message, "payload");
        if (payload is null) return null;
        return Text(message, "payload_encoding") == "base64" ? Encoding.UTF8.GetString(Convert.FromBase64String(payload)) : payload;
    }

    private static bool TryParse(string body, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            // Not MassTransit's JSON envelope: the audit reports it as unreadable rather than failing.
            root = default;
            return false;
        }
    }

    /// <summary>A property by name, ignoring case (MassTransit writes camelCase, a hand-made message may not).</summary>
    private static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Find(element, name) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Null ? null : value.GetRawText() : null;

    private static HttpClient ManagementClient(Uri management)
    {
        var http = new HttpClient { BaseAddress = HttpBase.Of(management), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return http;
    }
}
