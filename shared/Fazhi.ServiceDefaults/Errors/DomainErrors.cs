namespace Fazhi.ServiceDefaults.Errors;

/// <summary>
/// A refusal a client can act on: <see cref="Reason"/> is a stable UPPER_SNAKE_CASE code (the google.rpc.ErrorInfo
/// reason), so clients branch on it instead of parsing the message, which is for people and may change.
/// </summary>
public abstract class FazhiException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}

/// <summary>An illegal move for the aggregate's current state (FAILED_PRECONDITION); nothing is written.</summary>
public sealed class RuleViolationException(string reason, string message) : FazhiException(reason, message)
{
    /// <summary>For rules that have no code of their own yet.</summary>
    public RuleViolationException(string message) : this("RULE_VIOLATED", message) { }
}

/// <summary>No resource with that id (NOT_FOUND).</summary>
public sealed class NotFoundException(string message, string reason = "NOT_FOUND") : FazhiException(reason, message);

/// <summary>The same client request id was already used for a different resource (ALREADY_EXISTS).</summary>
public sealed class ConflictException(string message, string reason = "REQUEST_ID_REUSED") : FazhiException(reason, message);

public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input, with every bad field named (INVALID_ARGUMENT).</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations)
    : FazhiException("INVALID_INPUT", "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
