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
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
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

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                failures = 0;
                await CleanupAsync(stoppingToken);
                if (published < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                    if (_options.CoalesceDelay > TimeSpan.Zero) await Task.Delay(_options.CoalesceDelay, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogError(ex, "Outbox relay failed ({Failures} in a row); rows stay pending, retrying in {Delay}", failures, delay);
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
        var publishes = messages.Select(message => PublishAsync(message, cancellationToken)).ToArray();
        Exception? failure = null;
        try
        {
            await Task.WhenAll(publishes);
        }
        catch (Exception ex)
        {
            failure = ex;
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
