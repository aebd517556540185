namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The integration events a service may write to its outbox, by the stable name stored in the row.
/// A closed list, so the relay never resolves an arbitrary type name read from the database.
/// </summary>
public static class IntegrationEventTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(ReconsiderationCaseChanged),
        typeof(ReconsiderationCasesRepublished),
    }.ToDictionary(t => t.Name);

    /// <summary>Event types the relay sends several to a message, and how it packs them.</summary>
    private static readonly Dictionary<string, Func<IEnumerable<RelayedEvent<object>>, object>> Packers = new()
    {
        [nameof(ReconsiderationCaseChanged)] = events => new ReconsiderationCaseChanges
        {
            Events = events.Select(e => new RelayedEvent<ReconsiderationCaseChanged>(e.EventId, e.TraceParent, (ReconsiderationCaseChanged)e.Event)).ToList(),
        },
    };

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.Name) ? type.Name : throw new ArgumentException($"{type} is not a Fazhi integration event.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown integration event type '{name}'.");

    /// <summary>The packer of an event type published several to a message, or null if each is its own message.</summary>
    public static Func<IEnumerable<RelayedEvent<object>>, object>? PackerOf(string name) => Packers.GetValueOrDefault(name);
}
