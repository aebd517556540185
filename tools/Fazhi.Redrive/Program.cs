using Fazhi.Redrive;

// fazhi-redrive --amqp amqp://user:pass@host:5672/vhost --queue reporting-reconsideration-case-changes [--queue …] [--max N]
// Moves what a fix has made consumable from each queue's _error queue back to the queue (see Redriver).
string? amqp = Environment.GetEnvironmentVariable("FAZHI_RABBITMQ");
int? max = null;
var queues = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--amqp" when value is not null: amqp = value; i++; break;
        case "--queue" when value is not null: queues.Add(value.EndsWith("_error", StringComparison.Ordinal) ? value[..^"_error".Length] : value); i++; break;
        case "--max" when int.TryParse(value, out var n) && n > 0: max = n; i++; break;
        default:
            Console.Error.WriteLine("usage: fazhi-redrive --amqp amqp://user:pass@host:5672/vhost --queue <queue> [--queue <queue>…] [--max N]");
            return 2;
    }
}
if (amqp is null || queues.Count == 0)
{
    Console.Error.WriteLine("usage: fazhi-redrive --amqp amqp://user:pass@host:5672/vhost --queue <queue> [--queue <queue>…] [--max N] (or FAZHI_RABBITMQ)");
    return 2;
}
foreach (var queue in queues)
{
    try
    {
        var moved = await Redriver.RedriveAsync(new Uri(amqp), queue, max, Console.Out, CancellationToken.None);
        Console.WriteLine($"{moved.Count} message(s) moved from {queue}_error to {queue}");
    }
    catch (RabbitMQ.Client.Exceptions.OperationInterruptedException ex) when (ex.ShutdownReason is { ReplyCode: 404 or 403 } reason)
    {
        // A queue that does not exist, or one this user may not touch: say so, move nothing.
        Console.Error.WriteLine($"{queue}: {reason.ReplyText}");
        return 1;
    }
}
return 0;
