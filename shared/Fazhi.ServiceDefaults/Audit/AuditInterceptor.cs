using System.Text.Json;
using System.Text.Json.Nodes;
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
    protected override void BeforeSave(DbContext context)
    {
        var entries = context.EntriesDetectedOnce<IAuditedAggregate>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToList();
        if (entries.Count == 0) return;

        CommandOrigin? current = null;
        var now = time.GetUtcNow();
        foreach (var entry in entries)
        {
            var added = entry.State == EntityState.Added;
            // A group commit saves changes of several callers at once; each change carries its own origin.
            var origin = CommandOrigin.AttachedTo(entry.Entity) ?? (current ??= CommandOrigin.Of(http.HttpContext));
            context.Add(new AuditEntry(
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
    }

    private static string Changes(EntityEntry entry, bool added)
    {
        var changes = new JsonArray();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name.TrimStart('_');
            if (name is "Version" or "Id") continue;
            var current = property.CurrentValue;
            var original = added ? null : property.OriginalValue;
            if (!added && (!property.IsModified || property.Metadata.GetValueComparer().Equals(original, current))) continue;
            if (added && current is null) continue;
            changes.Add(new JsonObject
            {
                ["field"] = JsonNamingPolicy.CamelCase.ConvertName(name),
                ["old"] = ToNode(original),
                ["new"] = ToNode(current),
            });
        }
        return changes.ToJsonString();
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        Enum e => JsonValue.Create(ProtoEnum.Name(e)),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
