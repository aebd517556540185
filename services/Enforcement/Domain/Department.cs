using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Errors;
using Fazhi.ServiceDefaults.Outbox;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// A department of the organisation whose enforcement is supervised (自然资源局, 市场监管局 …). Reviews and problems
/// refer to it by id, so renaming it changes no figure and figures per department are never split by spelling. Its
/// state (id and name) is published like a case's, so reporting's per-department breakdown shows the current name.
/// </summary>
public sealed class Department : IAuditedAggregate, IPublishesIntegrationState
{
    public const int MaxName = 100;

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long Version { get; private set; }

    private Department() { }

    public static Department Register(Guid requestId, string org, string name) =>
        new() { Id = Guid.CreateVersion7(), RequestId = requestId, Org = org, Name = CheckName(name), Version = 1 };

    public void Rename(string name)
    {
        Name = CheckName(name);
        Version++;
    }

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public EnforcementCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Kind = EnforcementCaseChanged.Department,
        DepartmentId = Id,
        DepartmentName = Name,
        ChangedAt = changedAt,
    };

    /// <summary>Refuses a department that is unknown or belongs to another organisation than the record naming it.</summary>
    public static void RequireOf(Department? department, Guid departmentId, string org)
    {
        if (department is null || department.Org != org)
            throw new RuleViolationException("DEPARTMENT_UNKNOWN", $"Department {departmentId} is not registered for organisation {org}.");
    }

    // Names are compared as stored: trimming here keeps "市场监管局 " from becoming a second department.
    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new RuleViolationException("DEPARTMENT_NAME_REQUIRED", "A department needs a name.")
            : name.Trim();
}
