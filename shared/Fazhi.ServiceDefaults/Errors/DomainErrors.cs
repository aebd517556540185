namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// A refusal a client can act on: <see cref="Reason"/> is a stable UPPER_SNAKE_CASE code (the google.rpc.ErrorInfo
/// reason), so clients branch on it instead of parsing the message, which is for people and may change.
/// </summary>
public abstract class FazhiException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;

    /// <summary>Facts a client may act on (google.rpc.ErrorInfo metadata; lowerCamelCase keys), e.g. the org refused.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}

/// <summary>An illegal move for the aggregate's current state (FAILED_PRECONDITION); nothing is written.</summary>
public sealed class RuleViolationException(string reason, string message) : FazhiException(reason, message)
{
    /// <summary>For rules that have no code of their own yet.</summary>
    public RuleViolationException(string message) : this("RULE_VIOLATED", message) { }
}

/// <summary>
/// No resource with that id (NOT_FOUND). <see cref="ResourceType"/> and <see cref="ResourceName"/> fill the
/// google.rpc.ResourceInfo detail; when unset, the request's <c>id</c> field names the resource.
/// </summary>
public sealed class NotFoundException(string message, string reason = "NOT_FOUND") : FazhiException(reason, message)
{
    /// <summary>What kind of resource was looked for, e.g. "reconsideration case".</summary>
    public string? ResourceType { get; init; }

    /// <summary>The id looked for.</summary>
    public string? ResourceName { get; init; }
}

/// <summary>
/// The same client request id was already used for a different resource (ALREADY_EXISTS). The
/// google.rpc.ResourceInfo detail names the resource that holds the request id (<see cref="ResourceName"/>).
/// </summary>
public sealed class ConflictException(string message, string reason = "REQUEST_ID_REUSED") : FazhiException(reason, message)
{
    public string? ResourceType { get; init; }

    /// <summary>The id of the resource that already exists.</summary>
    public string? ResourceName { get; init; }
}

/// <summary>
/// The caller may not touch this resource (PERMISSION_DENIED), e.g. ORG_OUT_OF_SCOPE: its organisation does not
/// cover the resource's. Refusals by role (ROLE_NOT_ALLOWED) come from the authorization policies instead.
/// </summary>
public sealed class PermissionDeniedException(string reason, string message) : FazhiException(reason, message);

public sealed record FieldViolation(string Field, string Description);

/// <summary>
/// More commands are waiting than the service accepts (RESOURCE_EXHAUSTED, HTTP 429, with a retry hint): refused at
/// once rather than queued without bound, so memory and the wait of accepted commands stay bounded under overload.
/// </summary>
public sealed class OverloadedException(string message) : FazhiException("SERVICE_OVERLOADED", message);

/// <summary>Bad input, with every bad field named (INVALID_ARGUMENT).</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations)
    : FazhiException("INVALID_INPUT", "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
