using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace Fazhi.ServiceDefaults;

/// <summary>A generated enum value's proto name (DECISION_REVOKE for Decision.Revoke): the form APIs, events and audit use.</summary>
public static class ProtoEnum
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Name(Enum value) => Cache.GetOrAdd(value, v =>
        v.GetType().GetField(v.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? v.ToString());
}
