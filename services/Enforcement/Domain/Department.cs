using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// A department of the organisation whose enforcement is supervised (自然资源局, 市场监管局 …). Reviews and problems
/// refer to it by id, so renaming it changes no figure and figures per department are never split by spelling.
/// </summary>
public sealed class Department : IAuditedAggregate
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
