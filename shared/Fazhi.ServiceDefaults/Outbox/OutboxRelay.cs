using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// Publishes pending outbox rows to RabbitMQ with publisher confirms and marks them sent. Rows are claimed with
/// FOR UPDATE SKIP LOCKED inside a transaction, so replicas share the work and a row is marked sent only after
/// the broker confirmed the message carrying it; a crash in between re-publishes it with the same event id and
/// version, which consumers ignore. Rows of a packed type go several to a message (<see cref="RelayMessage"/>).
/// A pass waits at most <see cref="OutboxOptions.PublishTimeout"/> for the broker to finish a publish: when the broker
/// is down or unreachable the pass gives up, commits what was confirmed and so releases the claim on the other rows, logs a
/// warning, and the relay backs off (100 ms doubling up to <see cref="OutboxOptions.MaxRetryDelay"/>) and tries
/// again, so it resumes within a few seconds of the broker's return. <see cref="OutboxRelayStatus"/> shows it in
/// readiness and in the metrics fazhi.outbox.publish_failures and fazhi.outbox.failing_seconds.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    OutboxRelayStatus status,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;
    private readonly HashSet<Guid> _reportedUnreadable = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RelayEnabled)
        {
            logger.LogWarning("Outbox relay is disabled: integration events stay pending");
            return;
        }

        status.Started();
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            status.Stopped();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var lastWarning = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                // A pass that published nothing proves nothing about the broker (the pending rows may be another
                // replica's claim at this instant): the relay has recovered once it published, or once nothing it
                // could publish is left.
                if ((published > 0 || (status.FailingSince is not null && !await AnyPublishablePendingAsync(stoppingToken)))
                    && status.Succeeded() is { } outage)
                {
                    logger.LogWarning("Outbox relay publishes again after failing for {Outage}", outage);
                }
                await CleanupAsync(stoppingToken);
                if (published < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                    if (_options.CoalesceDelay > TimeSpan.Zero) await Task.Delay(_options.CoalesceDelay, time, stoppingToken);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                var failures = status.Failed(ex);
                var delay = RetryDelay(failures);
                // A warning on the first failure and then every 30 s while it lasts, not one per attempt.
                var now = time.GetUtcNow();
                if (failures == 1 || now - lastWarning >= TimeSpan.FromSeconds(30))
                {
                    lastWarning = now;
                    logger.LogWarning(ex,
                        "Outbox relay cannot publish ({Failures} failed passes in a row): {Reason}; the rows stay pending and the claim is released, retrying in {Delay}",
                        failures, ex.GetBaseException().Message, delay);
                }
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
    }

    /// <summary>100 ms, 200 ms, 400 ms … doubling up to <see cref="OutboxOptions.MaxRetryDelay"/>.</summary>
    internal TimeSpan RetryDelay(int failures)
    {
        var milliseconds = 100 * Math.Pow(2, Math.Min(failures - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, _options.MaxRetryDelay.TotalMilliseconds));
    }

    /// <summary>Publishes one batch; returns how many rows it claimed, or 0 if none could be read.</summary>
    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        // Plain SQL on the shared pool: this runs many times a second under load, and EF's query pipeline cost more
        // than the statements.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Losing this commit in a crash only means publishing the rows again, which consumers ignore as duplicates;
        // not waiting for its WAL flush saves a disk round trip per batch.
        await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection, transaction))
        {
            await relaxed.ExecuteNonQueryAsync(cancellationToken);
        }

        var rows = await ClaimAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0) return 0;

        // Rows of a packed type travel together, one broker message per type and pass; the messages are started
        // together and awaited together, so their confirms overlap instead of costing one round trip each.
        // Consumers do not depend on arrival order (events carry versioned state).
        var (messages, unreadable) = RelayMessage.Pack(rows);
        // Bounded: a broker that is down or silent must not keep this transaction, and the claimed rows' locks, open.
        // The pass gives up once the broker has finished none of its publishes for PublishTimeout (a large pass that
        // keeps making progress, a rebuild's, is not cut short). The remaining publishes are cancelled; one that
        // ignores its token is left behind (its rows stay pending, and a late confirm only means they are published
        // again, which consumers ignore).
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishes = messages.Select(message => PublishAsync(message, abandon.Token)).ToArray();
        Exception? failure = null;
        if (!await SettledWhileProgressingAsync(publishes, cancellationToken))
        {
            await abandon.CancelAsync();
            failure = new TimeoutException($"The broker finished no publish for {_options.PublishTimeout}");
        }
        else if (publishes.FirstOrDefault(publish => !publish.IsCompletedSuccessfully) is { } failed)
        {
            failure = failed.Exception?.GetBaseException() ?? new OperationCanceledException("A publish was cancelled");
        }
        if (failure is not null)
        {
            foreach (var publish in publishes) _ = publish.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }

        var sentIds = messages.Where((_, i) => publishes[i].IsCompletedSuccessfully).SelectMany(m => m.Rows).Select(r => r.Id).ToList();
        if (sentIds.Count > 0)
        {
            await using var markSent = new NpgsqlCommand("UPDATE outbox_messages SET sent_at = $1 WHERE id = ANY($2)", connection, transaction)
            {
                Parameters = { new() { Value = time.GetUtcNow() }, new() { Value = sentIds.ToArray() } },
            };
            await markSent.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);

        // An unreadable row is a bug or a hand edit, not a broker outage: it stays pending for an operator, and the
        // relay goes on at full speed rather than backing off as it does for failures that may pass.
        foreach (var (row, error) in unreadable)
        {
            if (!_reportedUnreadable.Add(row.Id)) continue;
            logger.LogError(error, "Outbox row {RowId} ({MessageType}) cannot be read; it stays pending and is not published", row.Id, row.MessageType);
        }
        if (failure is not null)
        {
            var unconfirmed = rows.Count - unreadable.Count - sentIds.Count;
            throw new InvalidOperationException($"{unconfirmed} of {rows.Count} outbox rows were not confirmed by the broker", failure);
        }
        // A pass that found only unreadable rows must wait for new rows, not spin.
        return rows.Count == unreadable.Count ? 0 : rows.Count;
    }

    /// <summary>
    /// Waits until every publish has finished (confirmed or failed); false when the broker went
    /// <see cref="OutboxOptions.PublishTimeout"/> without finishing any of them.
    /// </summary>
    private async Task<bool> SettledWhileProgressingAsync(Task[] publishes, CancellationToken cancellationToken)
    {
        var all = Task.WhenAll(publishes);
        var progress = new ProgressClock(time);
        foreach (var publish in publishes)
        {
            _ = publish.ContinueWith(static (_, clock) => ((ProgressClock)clock!).Tick(), progress,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        while (!all.IsCompleted)
        {
            var wait = _options.PublishTimeout - progress.Idle;
            if (wait <= TimeSpan.Zero) return false;
            try
            {
                await all.WaitAsync(wait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // No publish finished in time; the loop looks at how long the broker has been idle.
            }
            catch (Exception) when (all.IsCompleted)
            {
                // A publish failed: every one has finished, and the caller looks at each.
            }
        }
        return true;
    }

    private sealed class ProgressClock(TimeProvider time)
    {
        private long _last = time.GetTimestamp();

        public void Tick() => Interlocked.Exchange(ref _last, time.GetTimestamp());

        public TimeSpan Idle => time.GetElapsedTime(Interlocked.Read(ref _last));
    }

    private async Task<bool> AnyPublishablePendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var any = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM outbox_messages WHERE sent_at IS NULL AND NOT (id = ANY($1)))", connection)
        {
            Parameters = { new() { Value = _reportedUnreadable.ToArray() } },
        };
        return (bool)(await any.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            "SELECT id, message_type, payload::text, trace_parent FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT $1 FOR UPDATE SKIP LOCKED",
            connection, transaction)
        {
            Parameters = { new() { Value = _options.BatchSize } },
        };
        var rows = new List<OutboxMessage>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(OutboxMessage.Claimed(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }

    private async Task PublishAsync(RelayMessage message, CancellationToken cancellationToken)
    {
        using var activity = message.StartActivity();
        await bus.Publish(message.Message, message.Type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.MessageId;
            context.Durable = true;
        }), cancellationToken);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now.AddMinutes(10);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = now - _options.SentRetention;
        var deleted = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} outbox rows sent before {Cutoff}", deleted, cutoff);
    }
}
