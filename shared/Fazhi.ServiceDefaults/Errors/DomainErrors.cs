namespace Fazhi.ServiceDefaults.Errors;

/// <summary>An illegal move for the aggregate's current state (FAILED_PRECONDITION); nothing is written.</summary>
public sealed class RuleViolationException(string message) : Exception(message);

/// <summary>No resource with that id (NOT_FOUND).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The same client request id was already used for a different resource (ALREADY_EXISTS).</summary>
public sealed class ConflictException(string message) : Exception(message);

public sealed record FieldViolation(string Field, string Description);

/// <summary>Bad input, with every bad field named (INVALID_ARGUMENT).</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations)
    : Exception("Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
