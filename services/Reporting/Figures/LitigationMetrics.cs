namespace Fazhi.Reporting.Figures;

/// <summary>The litigation.* metric keys of docs/api.md; every one a count over the period except the two rates.</summary>
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

    /// <summary>Counted on their business date within the period.</summary>
    public static readonly string[] PeriodCounters =
        [FirstInstanceReceived, Notices, Appearances, PrincipalAppearances, FirstInstanceJudgments, FirstInstanceLost];

    /// <summary>Litigation keeps no states (nothing like reconsideration's pending).</summary>
    public static readonly string[] StateCounters = [];
}
