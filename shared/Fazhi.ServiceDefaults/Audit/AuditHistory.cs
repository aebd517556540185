using System.Globalization;
using System.Text.Json.Nodes;
using Fazhi.Contracts.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.ServiceDefaults.Audit;

public static class AuditHistory
{
    /// <summary>The audit trail of one aggregate, oldest first, in the API's shape.</summary>
    public static async Task<History> ReadAsync(DbContext db, Guid entityId, CancellationToken cancellationToken)
    {
        var entries = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityId == entityId)
            .OrderBy(e => e.Version).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var history = new History();
        history.Entries.AddRange(entries.Select(ToProto));
        return history;
    }

    private static HistoryEntry ToProto(AuditEntry entry)
    {
        var proto = new HistoryEntry
        {
            Version = entry.Version,
            At = entry.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            Action = entry.Action,
            Actor = entry.Actor,
            ActorRole = entry.ActorRole,
            ActorOrg = entry.ActorOrg,
            Reason = entry.Reason ?? "",
        };
        foreach (var change in JsonNode.Parse(entry.Changes)?.AsArray() ?? [])
        {
            proto.Changes.Add(new FieldChange
            {
                Field = change!["field"]!.GetValue<string>(),
                OldValue = ToValue(change["old"]),
                NewValue = ToValue(change["new"]),
            });
        }
        return proto;
    }

    private static Value ToValue(JsonNode? node) =>
        node is null ? Value.ForNull() : JsonParser.Default.Parse<Value>(node.ToJsonString());
}
