namespace Fazhi.ServiceDefaults.Commands;

/// <summary>A command waiting in a <see cref="GroupCommitWriter{TContext,TAggregate}"/> queue, and how its caller learns the outcome.</summary>
internal abstract class PendingCommand<TAggregate>(Guid? id, CommandOrigin origin, CancellationToken cancellation)
    where TAggregate : class
{
    public Guid? Id { get; } = id;
    public CommandOrigin Origin { get; } = origin;
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>Applies the command to the loaded aggregate (null: none loaded) and returns the aggregate to save.</summary>
    public abstract TAggregate Apply(TAggregate? found);

    public abstract void Succeed();

    public abstract void Fail(Exception error);
}

internal sealed class PendingCommand<TAggregate, TResult>(
    Guid? id, CommandOrigin origin, Func<TAggregate?, TAggregate> apply, Func<TAggregate, TResult> result, CancellationToken cancellation)
    : PendingCommand<TAggregate>(id, origin, cancellation)
    where TAggregate : class
{
    private TAggregate? _applied;

    public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override TAggregate Apply(TAggregate? found) => _applied = apply(found);

    public override void Succeed()
    {
        try
        {
            Completion.TrySetResult(result(_applied!));
        }
        catch (Exception ex)
        {
            Completion.TrySetException(ex);
        }
    }

    public override void Fail(Exception error) => Completion.TrySetException(error);
}
