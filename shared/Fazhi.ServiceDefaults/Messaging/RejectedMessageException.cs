namespace Fazhi.ServiceDefaults.Messaging;

/// <summary>
/// The message itself is at fault (it breaks an invariant the consumer checks): trying it again can only fail the
/// same way, so <see cref="MessagingExtensions.UseShortRetries"/> does not retry it and MassTransit moves it to the
/// queue's _error queue at once, where it waits for a fix and a re-drive (tools/Fazhi.Redrive).
/// </summary>
public sealed class RejectedMessageException(string reason, string message) : Exception(message)
{
    /// <summary>A short, fixed code for metrics (e.g. "date_out_of_order").</summary>
    public string Reason { get; } = reason;
}
