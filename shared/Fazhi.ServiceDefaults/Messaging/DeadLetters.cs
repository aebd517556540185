using System.Diagnostics.Metrics;
using MassTransit;

namespace Fazhi.ServiceDefaults.Messaging;

/// <summary>
/// Makes every message that ends in an _error queue visible: a count (fazhi.messaging.dead_lettered, tagged with the
/// queue and the reason) and a warning naming the message id, whether MassTransit moved it there after its retries or
/// a consumer sent part of a message there itself (<see cref="SendAsync{T}"/>).
/// </summary>
public static class DeadLetters
{
    /// <summary>The header that says why a consumer refused what it sent to _error.</summary>
    public const string ReasonHeader = "Fazhi-Rejected-Reason";

    private static readonly Counter<long> DeadLettered = FazhiTelemetry.Meter.CreateCounter<long>(
        "fazhi.messaging.dead_lettered", description: "Messages moved to an _error queue (to be re-driven after a fix)");

    /// <summary>The _error queue of the queue a message came from.</summary>
    public static string ErrorQueueOf(Uri inputAddress) => QueueOf(inputAddress) + "_error";

    public static string QueueOf(Uri inputAddress) => inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];

    /// <summary>Sends <paramref name="message"/> (the refused part of what a consumer received) to its queue's _error queue.</summary>
    public static async Task SendAsync<T>(ConsumeContext context, T message, string reason, string detail) where T : class
    {
        var queue = ErrorQueueOf(context.ReceiveContext.InputAddress);
        var endpoint = await context.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(message, send =>
        {
            send.Headers.Set(ReasonHeader, reason);
            send.Headers.Set("MT-Reason", "fault");
            send.Headers.Set("MT-Fault-Message", detail);
            send.Headers.Set("MT-Fault-InputAddress", context.ReceiveContext.InputAddress.ToString());
        }, context.CancellationToken);
        Record(context, queue, reason, detail);
    }

    internal static void Record(ConsumeContext context, string errorQueue, string reason, string detail)
    {
        DeadLettered.Add(1, new KeyValuePair<string, object?>("queue", errorQueue), new KeyValuePair<string, object?>("reason", reason));
        LogContext.Warning?.Log(
            "Message {MessageId} from {InputAddress} dead-lettered to {ErrorQueue} ({Reason}): {Detail}",
            context.MessageId, context.ReceiveContext.InputAddress, errorQueue, reason, detail);
    }

    /// <summary>
    /// Outermost on a consumer's pipe, outside its retries: what still fails there goes to the _error queue, except a
    /// transient fault cut short by a stop (the message returns to its queue).
    /// </summary>
    internal sealed class ObserveFilter : IFilter<ConsumeContext>
    {
        public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
        {
            try
            {
                await next.Send(context);
            }
            catch (Exception ex) when (!TransientFaults.IsTransient(ex) && ex is not OperationCanceledException)
            {
                var reason = ex is RejectedMessageException rejected ? rejected.Reason : ex.GetType().Name;
                Record(context, ErrorQueueOf(context.ReceiveContext.InputAddress), reason, ex.Message);
                throw;
            }
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("fazhi-dead-letters");
    }
}
