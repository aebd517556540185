using System.Buffers;
using System.Text;
using System.Text.Json;
using Fazhi.ServiceDefaults.Commands;
using Fazhi.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.ServiceDefaults.Audit;

/// <summary>
/// Writes an audit entry for every added or modified <see cref="IAuditedAggregate"/> in the same SaveChanges as
/// the change. The old and new values come from EF's change tracker, so no field can be left out of the trail.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time, IHttpContextAccessor http) : BeforeSaveInterceptor
{
    public override IReadOnlyList<object> RowsFor(DbContext context)
    {
        var entries = context.EntriesDetectedOnce<IAuditedAggregate>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToList();
        if (entries.Count == 0) return [];

        CommandOrigin? current = null;
        var now = time.GetUtcNow();
        var rows = new List<object>(entries.Count);
        foreach (var entry in entries)
        {
            var added = entry.State == EntityState.Added;
            // A group commit saves changes of several callers at once; each change carries its own origin.
            var origin = CommandOrigin.AttachedTo(entry.Entity) ?? (current ??= CommandOrigin.Of(http.HttpContext));
            rows.Add(new AuditEntry(
                entry.Metadata.ClrType.Name,
                entry.Entity.Id,
                entry.Entity.Version,
                origin.Action ?? (added ? "Create" : "Change"),
                origin.Caller?.UserId ?? "system",
                origin.Caller?.Role ?? "",
                origin.Caller?.Org ?? "",
                now,
                origin.Reason,
                Changes(entry, added)));
        }
        return rows;
    }

    /// <summary>A JSON array of {field, old, new}: every changed property, or every set one of a new aggregate.</summary>
    private static string Changes(EntityEntry entry, bool added)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name.TrimStart('_');
                if (name is "Version" or "Id") continue;
                var current = property.CurrentValue;
                var original = added ? null : property.OriginalValue;
                if (!added && (!property.IsModified || property.Metadata.GetValueComparer().Equals(original, current))) continue;
                if (added && current is null) continue;
                json.WriteStartObject();
                json.WriteString("field", JsonNamingPolicy.CamelCase.ConvertName(name));
                json.WritePropertyName("old");
                WriteValue(json, original);
                json.WritePropertyName("new");
                WriteValue(json, current);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case Enum e:
                json.WriteStringValue(ProtoEnum.Name(e));
                break;
            default:
                JsonSerializer.Serialize(json, value, value.GetType());
                break;
        }
    }
}
