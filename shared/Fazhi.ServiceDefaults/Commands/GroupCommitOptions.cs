namespace Fazhi.ServiceDefaults.Commands;

public sealed class GroupCommitOptions
{
    public const string Section = "GroupCommit";

    /// <summary>The most commands saved in one transaction.</summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// Writers, each saving one transaction at a time for its share of the aggregates (by id). While a writer's
    /// transaction runs, its new commands queue up and form its next batch, so a busy service writes in a few large
    /// transactions and an idle one still saves each command at once. One by default: with two services loaded on two
    /// cores, a second writer per service halved each batch and doubled the transactions and outbox messages, and the
    /// two services together did 1,754–2,021 commands/s with two writers against 2,886–2,985 with one (bench
    /// `litigation` workload, 2026-12-02); reconsideration alone stayed at 2,325/s.
    /// </summary>
    public int Writers { get; set; } = 1;

    /// <summary>
    /// Commands that may wait for each writer. Past it a command is refused at once (RESOURCE_EXHAUSTED with a retry
    /// hint) instead of queueing without bound. 200: at ~2,000 commands/s that is ~0.1 s of waiting, about three
    /// batches; a longer queue adds only latency, not throughput, and memory: with 1,000 reconsideration died of
    /// OutOfMemoryException under the bench's overload run (64 MB heap limit), with 200 it held (bench/README.md,
    /// "Overload runs").
    /// </summary>
    public int QueueCapacity { get; set; } = 200;
}
