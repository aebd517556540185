namespace Fazhi.Reporting.Figures;

/// <summary>
/// The litigation.* metric keys of docs/api.md: counts over the period, the two rates, and table 四 of the disclosure
/// report, whose 尚未审结 cells are states at the as-of date.
/// </summary>
public static class LitigationMetrics
{
    public const string FirstInstanceReceived = "litigation.first_instance_received";
    public const string Notices = "litigation.notices";
    public const string Appearances = "litigation.appearances";
    public const string AppearanceRate = "litigation.appearance_rate";
    public const string PrincipalAppearances = "litigation.principal_appearances";
    public const string FirstInstanceJudgments = "litigation.first_instance_judgments";
    public const string FirstInstanceLost = "litigation.first_instance_lost";
    public const string LossRate = "litigation.loss_rate";

    /// <summary>Table 四's lawsuits brought directly (未经复议直接起诉) and after a reconsideration (复议后起诉).</summary>
    public const string DisclosureDirect = "litigation.disclosure.direct";
    public const string DisclosureAfterReconsideration = "litigation.disclosure.after_reconsideration";

    /// <summary>The cells of one table-四 lawsuit group, in template order.</summary>
    public static readonly string[] DisclosureCells = ["upheld", "corrected", "other", "pending", "total"];

    public static readonly string[] DisclosureGroups = [DisclosureDirect, DisclosureAfterReconsideration];

    /// <summary>A table-四 key, e.g. litigation.disclosure.direct.upheld.</summary>
    public static string Disclosure(string group, string cell) => group + "." + cell;

    /// <summary>A state counter (+1 on filing, −1 on judgment) behind a group's pending cell.</summary>
    public static string DisclosurePendingChange(string group) => Disclosure(group, "pending") + ".change";

    /// <summary>Counted on their business date within the period.</summary>
    public static readonly string[] PeriodCounters =
    [
        FirstInstanceReceived, Notices, Appearances, PrincipalAppearances, FirstInstanceJudgments, FirstInstanceLost,
        .. DisclosureGroups.SelectMany(g => new[] { "upheld", "corrected", "other" }.Select(cell => Disclosure(g, cell))),
    ];

    /// <summary>Summed over all days up to the as-of date: the lawsuits of table 四 still waiting for a judgment.</summary>
    public static readonly string[] StateCounters = [.. DisclosureGroups.Select(DisclosurePendingChange)];
}
