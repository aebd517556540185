using RabbitMQ.Client;

namespace Fazhi.Redrive;

/// <summary>
/// Moves the messages of <c>&lt;queue&gt;_error</c> back to <c>&lt;queue&gt;</c> after a fix, each once: take one with
/// manual acknowledgement, publish it to the queue (through the default exchange, straight to that queue) and wait
/// for the broker's confirm, and only then acknowledge it on _error. A crash between the confirm and the ack leaves
/// the message in both queues, never in neither; reporting applies a case version once however often it arrives, so
/// the copy is harmless. Only the messages present when the run starts are moved: one that fails again and returns
/// to _error meanwhile is not taken a second time.
/// </summary>
public static class Redriver
{
    /// <summary>Headers MassTransit or the consumer added when the message failed; a re-driven message starts clean.</summary>
    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "Fazhi-Rejected-"];

    public sealed record Moved(string Queue, int Count);

    public static async Task<Moved> RedriveAsync(Uri amqp, string queue, int? max, TextWriter log, CancellationToken cancellationToken)
    {
        var errorQueue = queue + "_error";
        var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "fazhi-redrive" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Both must exist: a typo must not create a queue or publish into nowhere.
        await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        var present = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        var limit = Math.Min(present, (uint)(max ?? int.MaxValue));
        var moved = 0;
        while (moved < limit)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null) break;
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is { } headers)
            {
                foreach (var key in headers.Keys.Where(k => FaultHeaderPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
                    headers.Remove(key);
            }
            try
            {
                // mandatory: a message the broker cannot route to the queue is returned, and the publish fails.
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
            }
            catch
            {
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                throw;
            }
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
            await log.WriteLineAsync($"{errorQueue} -> {queue}: message {properties.MessageId ?? "(no id)"}");
        }
        return new Moved(queue, moved);
    }
}
