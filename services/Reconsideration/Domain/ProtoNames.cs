using System.Collections.Concurrent;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Reconsideration.Domain;

/// <summary>Enum codes as their proto names (DECISION_REVOKE), the form events and reports use.</summary>
internal static class ProtoNames
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Cache.GetOrAdd(value, _ => InputCheck.ProtoName(value));
}
