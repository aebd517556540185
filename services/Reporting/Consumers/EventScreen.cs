using System.Diagnostics.Metrics;
using Fazhi.Reporting.Validation;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;

namespace Fazhi.Reporting.Consumers;

/// <summary>
/// Sorts the events of one message into those that keep their source's invariants (<see cref="EventChecks"/>) and
/// those that do not, and disposes of the refused ones. A message of several events (a relay pass, a rebuild page, a
/// batch of single events) is not refused whole for one bad case: the good cases are applied, and the bad ones go,
/// as a message of their own, to the queue's _error queue (the refused part of a packed message keeps its shape, so a
/// re-drive after a fix puts it back through the same consumer). A message whose every event is refused fails with
/// <see cref="RejectedMessageException"/>, which is never retried: MassTransit moves it to _error at once with its
/// fault headers. Every refused event is counted (fazhi.reporting.events_rejected, by source and reason) and logged
/// with the message id, event id, case id, version and reason.
/// </summary>
public sealed class EventScreen(EventChecks checks, ILogger<EventScreen> logger)
{
    private static readonly Counter<long> Rejected = FazhiTelemetry.Meter.CreateCounter<long>(
        "fazhi.reporting.events_rejected", description: "Incoming events refused for breaking an invariant (dead-lettered, never applied)");

    public Screened<T, TEvent> Screen<T, TEvent>(string source, ConsumeContext context, IReadOnlyList<T>? items, Func<T, TEvent?> eventOf, Func<T, Guid?> eventIdOf)
        where TEvent : class
    {
        if (items is null) throw new RejectedMessageException(RejectionReasons.MissingField, $"A {source} message {context.MessageId} without events.");
        var screened = new Screened<T, TEvent>();
        foreach (var item in items)
        {
            var changed = item is null ? null : eventOf(item);
            var rejection = changed is null
                ? new EventRejection(Guid.Empty, 0, RejectionReasons.MissingField, "the event is missing")
                : checks.Check(changed);
            if (rejection is null)
            {
                screened.Accepted.Add(changed!);
                continue;
            }
            screened.Refused.Add((item, rejection));
            Rejected.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", rejection.Reason));
            logger.LogWarning(
                "Refused a {Source} event (message {MessageId}, event {EventId}, case {CaseId}, version {Version}): {Reason}: {Detail}",
                source, context.MessageId, item is null ? null : eventIdOf(item), rejection.CaseId, rejection.Version, rejection.Reason, rejection.Detail);
        }
        return screened;
    }

    /// <summary>
    /// Disposes of the refused events once the accepted ones are applied: nothing to do, the whole message to _error
    /// (by failing it), or the refused part, as <paramref name="repack"/> makes it, to _error by hand.
    /// </summary>
    public static async Task DeadLetterRefusedAsync<T, TEvent, TMessage>(
        ConsumeContext context, Screened<T, TEvent> screened, Func<IReadOnlyList<T>, TMessage> repack)
        where TEvent : class
        where TMessage : class
    {
        if (screened.Refused.Count == 0) return;
        var (reason, detail) = Describe(screened.Refused);
        if (screened.Accepted.Count == 0) throw new RejectedMessageException(reason, detail);
        await DeadLetters.SendAsync(context, repack([.. screened.Refused.Select(r => r.Item)]), reason, detail);
    }

    /// <summary>The first refusal's reason for the metric tag, every refusal for the log and the header.</summary>
    public static (string Reason, string Detail) Describe<T>(IReadOnlyList<(T Item, EventRejection Rejection)> refused) =>
        (refused[0].Rejection.Reason, string.Join("; ", refused.Select(r => r.Rejection.ToString())));
}

public sealed class Screened<T, TEvent>
    where TEvent : class
{
    public List<TEvent> Accepted { get; } = [];
    public List<(T Item, EventRejection Rejection)> Refused { get; } = [];
}
