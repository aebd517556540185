using System.Diagnostics;

namespace Fazhi.ServiceDefaults.Messaging;

/// <summary>
/// A consumer span per event of a packed message, each a child of the request that wrote its event, so every
/// request's trace reaches the consumer even though its event shared a broker message with others. The spans cover
/// the work done on the whole message; nothing is created when nobody listens.
/// </summary>
public sealed class RelayedEventSpans : IDisposable
{
    private readonly List<Activity> _spans = [];

    private RelayedEventSpans() { }

    public static RelayedEventSpans Start(string name, IEnumerable<string?> traceParents)
    {
        var spans = new RelayedEventSpans();
        if (!FazhiTelemetry.Source.HasListeners()) return spans;

        // Starting a span makes it Current; the message's own work stays under the consumer's span.
        var current = Activity.Current;
        foreach (var traceParent in traceParents)
        {
            if (!ActivityContext.TryParse(traceParent, null, out var parent)) continue;
            var span = FazhiTelemetry.Source.StartActivity(name, ActivityKind.Consumer, parent);
            if (span is not null) spans._spans.Add(span);
        }
        Activity.Current = current;
        return spans;
    }

    public void Fail(Exception error)
    {
        foreach (var span in _spans) span.SetStatus(ActivityStatusCode.Error, error.Message);
    }

    public void Dispose()
    {
        var current = Activity.Current;
        for (var i = _spans.Count - 1; i >= 0; i--) _spans[i].Dispose();
        Activity.Current = current;
    }
}
