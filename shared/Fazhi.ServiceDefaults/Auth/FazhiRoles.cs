namespace Fazhi.ServiceDefaults.Auth;

/// <summary>The roles a token's "role" claim may carry.</summary>
public static class FazhiRoles
{
    public const string ReconsiderationClerk = "reconsideration-clerk";
    public const string LitigationLiaison = "litigation-liaison";
    public const string EnforcementReviewer = "enforcement-reviewer";
    public const string DisclosureOfficer = "disclosure-officer";
    public const string StatisticsViewer = "statistics-viewer";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
        [ReconsiderationClerk, LitigationLiaison, EnforcementReviewer, DisclosureOfficer, StatisticsViewer, Administrator];
}

/// <summary>The two authorization policies every service declares: who may read it, who may change it.</summary>
public static class AccessPolicies
{
    public const string Read = "fazhi.read";
    public const string Write = "fazhi.write";

    /// <summary>Operations on the whole store (rebuilds): administrators only.</summary>
    public const string Administer = "fazhi.administer";
}

/// <summary>A service's own rules: the roles that may read and write it. Administrators may always do both.</summary>
public sealed record AccessRules(IReadOnlyList<string> ReadRoles, IReadOnlyList<string> WriteRoles);
