using System.Threading.Channels;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Errors;
using Fazhi.ServiceDefaults.Hosting;
using Fazhi.ServiceDefaults.Outbox;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Fazhi.ServiceDefaults.Commands;

/// <summary>
/// Saves the commands of many concurrent requests on aggregates of one type in shared transactions (group commit):
/// one query loads every aggregate of a batch, each command is applied to its own aggregate, and one batched write
/// (<see cref="BatchedSave"/>) saves all changes with their audit entries and outbox rows. Under load this replaces a transaction and three
/// database round trips per command with a few per batch; an idle service still saves each command at once.
/// A command the aggregate refuses fails alone and leaves nothing behind; a batch the database refuses (a duplicate
/// key, a case changed meanwhile by another replica) is re-run one command per transaction, so one command's
/// conflict never fails another's. Each writer owns a share of the aggregate ids and a batch holds at most one command
/// per aggregate, so concurrent commands on one aggregate are saved one after another, each with its own audit entry
/// and version.
/// </summary>
public sealed class GroupCommitWriter<TContext, TAggregate> : BackgroundService
    where TContext : DbContext
    where TAggregate : class, IAuditedAggregate
{
    private const int MaxConcurrencyAttempts = 3;

    // Compiled once: the batch load skips EF's per-call expression work (funcletizing, cache lookup).
    private static readonly Func<TContext, Guid[], IAsyncEnumerable<TAggregate>> LoadByIds =
        EF.CompileAsyncQuery((TContext db, Guid[] ids) => db.Set<TAggregate>().Where(a => ids.Contains(EF.Property<Guid>(a, "Id"))));

    private readonly Channel<PendingCommand<TAggregate>>[] _queues;
    private readonly IServiceScopeFactory _scopes;
    private readonly GroupCommitOptions _options;
    private readonly string _aggregateName;
    private int _nextQueueForNew;

    public GroupCommitWriter(IServiceScopeFactory scopes, IOptions<GroupCommitOptions> options, string aggregateName)
    {
        _scopes = scopes;
        _options = options.Value;
        _aggregateName = aggregateName;
        if (_options.MaxBatch < 1 || _options.Writers < 1 || _options.QueueCapacity < 1)
            throw new OptionsValidationException(GroupCommitOptions.Section, typeof(GroupCommitOptions), ["MaxBatch, Writers and QueueCapacity must be at least 1"]);
        _queues = Enumerable.Range(0, _options.Writers)
            .Select(_ => Channel.CreateBounded<PendingCommand<TAggregate>>(
                new BoundedChannelOptions(_options.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))
            .ToArray();
    }

    /// <summary>Applies <paramref name="change"/> to aggregate <paramref name="id"/> and saves it; NOT_FOUND if there is none.</summary>
    public Task<TResult> ChangeAsync<TResult>(
        Guid id, CommandOrigin origin, Action<TAggregate> change, Func<TAggregate, TResult> result, CancellationToken cancellationToken) =>
        EnqueueAsync(new PendingCommand<TAggregate, TResult>(id, origin, found =>
        {
            change(found ?? throw new NotFoundException($"No {_aggregateName} {id}."));
            return found;
        }, result, cancellationToken));

    /// <summary>Saves the aggregate <paramref name="create"/> makes (a duplicate key fails with its DbUpdateException).</summary>
    public Task<TResult> AddAsync<TResult>(
        CommandOrigin origin, Func<TAggregate> create, Func<TAggregate, TResult> result, CancellationToken cancellationToken) =>
        EnqueueAsync(new PendingCommand<TAggregate, TResult>(null, origin, _ => create(), result, cancellationToken));

    private Task<TResult> EnqueueAsync<TResult>(PendingCommand<TAggregate, TResult> command)
    {
        // One writer per aggregate id: two batches in flight never hold the same aggregate, so concurrent commands
        // on one case are saved one after another instead of conflicting. New aggregates go round the writers.
        var index = command.Id is { } id
            ? (id.GetHashCode() & int.MaxValue) % _queues.Length
            : (Interlocked.Increment(ref _nextQueueForNew) & int.MaxValue) % _queues.Length;
        var queue = _queues[index];
        if (!queue.Writer.TryWrite(command))
        {
            // A bounded channel refuses a write when full, and also once completed (the service is stopping).
            if (queue.Reader.Count < _options.QueueCapacity)
                throw new RpcException(new Status(StatusCode.Unavailable, "The service is stopping; retry on another instance."));
            GroupCommitMetrics.Refused.Add(1);
            throw new OverloadedException(
                $"The service has {_options.QueueCapacity} {_aggregateName} commands waiting on this writer; nothing was saved. Retry after a short wait.");
        }
        return command.Completion.Task.WaitAsync(command.Cancellation);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_queues.Select(queue => Task.Run(() => RunWriterAsync(queue, stoppingToken), CancellationToken.None)));

    private async Task RunWriterAsync(Channel<PendingCommand<TAggregate>> queue, CancellationToken stoppingToken)
    {
        // Commands on an aggregate that is already in the batch being formed wait for the next one, in arrival order.
        var carried = new List<PendingCommand<TAggregate>>();
        try
        {
            // While a batch is being saved, new commands queue up: that is what makes the next batch large under load.
            while (carried.Count > 0 || await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var (batch, next) = FormBatch(queue, carried);
                carried = next;
                try
                {
                    await WriteAsync(batch, attempt: 1);
                }
                catch (Exception ex)
                {
                    // WriteAsync settles every command itself; this only guards against a caller waiting forever.
                    foreach (var command in batch) command.Fail(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.TryComplete();
            var stopping = new RpcException(new Status(StatusCode.Unavailable, "The service stopped before saving this command; it was not applied."));
            foreach (var command in carried) command.Fail(stopping);
            while (queue.Reader.TryRead(out var command)) command.Fail(stopping);
        }
    }

    private (List<PendingCommand<TAggregate>> Batch, List<PendingCommand<TAggregate>> Carried) FormBatch(
        Channel<PendingCommand<TAggregate>> queue, List<PendingCommand<TAggregate>> carried)
    {
        var batch = new List<PendingCommand<TAggregate>>();
        var next = new List<PendingCommand<TAggregate>>();
        var ids = new HashSet<Guid>();
        foreach (var command in carried) Take(command);
        // Commands held back for the next batch count against the queue's capacity too, so that many commands on one
        // hot case cannot drain the bounded queue into an unbounded list.
        while (batch.Count < _options.MaxBatch && next.Count < _options.QueueCapacity && queue.Reader.TryRead(out var command)) Take(command);
        return (batch, next);

        void Take(PendingCommand<TAggregate> command)
        {
            if (batch.Count < _options.MaxBatch && (command.Id is not { } id || ids.Add(id))) batch.Add(command);
            else next.Add(command);
        }
    }

    private async Task WriteAsync(List<PendingCommand<TAggregate>> commands, int attempt)
    {
        var applied = new List<PendingCommand<TAggregate>>(commands.Count);
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var ids = commands.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToList();
            var loaded = new Dictionary<Guid, TAggregate>(ids.Count);
            if (ids.Count > 0)
            {
                await foreach (var aggregate in LoadByIds(db, ids.ToArray())) loaded[aggregate.Id] = aggregate;
            }

            foreach (var command in commands)
            {
                if (command.Cancellation.IsCancellationRequested)
                {
                    // Its caller has gone and was told so: the command must not be applied behind its back.
                    command.Fail(new OperationCanceledException(command.Cancellation));
                    continue;
                }
                var found = command.Id is { } id ? loaded.GetValueOrDefault(id) : null;
                try
                {
                    var aggregate = command.Apply(found);
                    if (found is null) db.Add(aggregate);
                    command.Origin.AttachTo(aggregate);
                    applied.Add(command);
                }
                catch (Exception ex)
                {
                    // A refused move may have changed nothing or, in principle, part of the aggregate: never save it.
                    if (found is not null) db.Entry(found).State = EntityState.Detached;
                    command.Fail(ex);
                }
            }

            if (applied.Count == 0) return;
            // One change-detection pass for the batch, then the audit entries and outbox rows of its changes, then
            // one batched write of everything (SaveChanges' per-entity bookkeeping cost more than the SQL itself).
            db.ChangeTracker.DetectChanges();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rows = scope.ServiceProvider.GetServices<BeforeSaveInterceptor>().SelectMany(i => i.RowsFor(db)).ToList();
            // Once the batch is in flight it is finished even if callers give up, so each learns the true outcome.
            await BatchedSave.SaveAsync(db, rows, CancellationToken.None);
            scope.ServiceProvider.GetService<OutboxSignal>()?.Notify();
            GroupCommitMetrics.CommandsPerTransaction.Record(applied.Count, new KeyValuePair<string, object?>("fazhi.aggregate", typeof(TAggregate).Name));
        }
        catch (DbUpdateException) when (applied.Count > 1)
        {
            foreach (var command in applied) await WriteAsync([command], attempt: 1);
            return;
        }
        catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrencyAttempts)
        {
            // Another replica (or a path outside this writer) saved this aggregate first: apply the command again to its new state (which may refuse it).
            await WriteAsync(applied, attempt + 1);
            return;
        }
        catch (Exception ex)
        {
            // The load query itself may have failed (database unreachable): every command not yet settled fails with it.
            foreach (var command in commands) command.Fail(ex);
            return;
        }

        foreach (var command in applied) command.Succeed();
    }
}
