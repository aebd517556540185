namespace Fazhi.ServiceDefaults.Audit;

/// <summary>An aggregate whose every saved change is recorded with who made it and what changed.</summary>
public interface IAuditedAggregate
{
    Guid Id { get; }
    long Version { get; }
}

/// <summary>One change to an aggregate: who, when, which command, why, and each field's old and new value.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; private set; }
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public long Version { get; private set; }
    public string Action { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public string ActorRole { get; private set; } = "";
    public string ActorOrg { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; private set; } = "[]";

    private AuditEntry() { }

    public AuditEntry(string entityType, Guid entityId, long version, string action, string actor, string actorRole,
        string actorOrg, DateTimeOffset at, string? reason, string changes)
    {
        Id = Guid.CreateVersion7(at);
        EntityType = entityType;
        EntityId = entityId;
        Version = version;
        Action = action;
        Actor = actor;
        ActorRole = actorRole;
        ActorOrg = actorOrg;
        At = at;
        Reason = reason;
        Changes = changes;
    }
}
