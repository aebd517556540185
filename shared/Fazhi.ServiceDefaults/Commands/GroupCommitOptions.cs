namespace Fazhi.ServiceDefaults.Commands;

public sealed class GroupCommitOptions
{
    public const string Section = "GroupCommit";

    /// <summary>The most commands saved in one transaction.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// Writers, each saving one transaction at a time for its share of the aggregates (by id). While a writer's
    /// transaction runs, its new commands queue up and form its next batch, so a busy service writes in a few large
    /// transactions and an idle one still saves each command at once.
    /// </summary>
    public int Writers { get; set; } = 2;
}
