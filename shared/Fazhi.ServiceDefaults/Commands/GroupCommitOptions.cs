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

    /// <summary>
    /// Commands that may wait for each writer. Past it a command is refused at once (RESOURCE_EXHAUSTED with a retry
    /// hint) instead of queueing without bound: at ~2,000 commands/s two writers' 1,000 each is under a second of wait.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;
}
