using System.Collections.Concurrent;

namespace Fazhi.Contracts.IntegrationEvents;

/// <summary>
/// The integration events a service may write to its outbox, by the stable name stored in the row. Each service
/// registers its own at start-up (<see cref="AddCaseState{TEvent}"/>); the list stays closed, so the relay never
/// resolves an arbitrary type name read from the database.
/// </summary>
public static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<string, Type> ByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, string> NameByType = new();
    private static readonly ConcurrentDictionary<string, Func<IEnumerable<RelayedEvent<object>>, object>> Packers = new(StringComparer.Ordinal);

    /// <summary>
    /// A case-state event <typeparamref name="TEvent"/> (named <c>…CaseChanged</c>): stored under its own name and
    /// packed into <see cref="CaseChanges{TEvent}"/> by the relay; its rebuild pages, <see cref="CasesRepublished{TEvent}"/>,
    /// under the same name with <c>CasesRepublished</c> (ReconsiderationCaseChanged → ReconsiderationCasesRepublished,
    /// the name rows written before these types were generic carry). Registering twice is harmless.
    /// </summary>
    public static void AddCaseState<TEvent>() where TEvent : class
    {
        var name = typeof(TEvent).Name;
        if (!name.EndsWith("CaseChanged", StringComparison.Ordinal))
            throw new ArgumentException($"A case-state event is named …CaseChanged, not {name}.", nameof(TEvent));
        Add(typeof(TEvent), name);
        Add(typeof(CasesRepublished<TEvent>), name[..^"CaseChanged".Length] + "CasesRepublished");
        Packers[name] = events => new CaseChanges<TEvent>
        {
            Events = events.Select(e => new RelayedEvent<TEvent>(e.EventId, e.TraceParent, (TEvent)e.Event)).ToList(),
        };
    }

    private static void Add(Type type, string name)
    {
        var bound = ByName.GetOrAdd(name, type);
        if (bound != type) throw new InvalidOperationException($"Integration event name '{name}' is already taken by {bound}.");
        NameByType[type] = name;
    }

    public static string NameOf(Type type) =>
        NameByType.TryGetValue(type, out var name) ? name : throw new ArgumentException($"{type} is not a registered Fazhi integration event.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown integration event type '{name}'.");

    /// <summary>The packer of an event type published several to a message, or null if each is its own message.</summary>
    public static Func<IEnumerable<RelayedEvent<object>>, object>? PackerOf(string name) => Packers.GetValueOrDefault(name);
}
