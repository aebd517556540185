namespace Fazhi.FaultRunner.Injection;

/// <summary>
/// How a hostile event is recognised wherever it ends up: its event id (and its message's id) starts with a fixed
/// 48-bit prefix. The relay's ids are version-7 GUIDs, whose first 48 bits are a millisecond timestamp; this prefix
/// reads as a moment in 2376, so no real event carries it. Case ids cannot be the marker: one hostile event
/// re-sends a real case.
/// </summary>
public static class HostileMarker
{
    private const string Prefix = "0badfa17e5e7";

    public static Guid NewId() => Guid.ParseExact(Prefix + Guid.NewGuid().ToString("N")[Prefix.Length..], "N");

    public static bool IsHostile(Guid id) => id.ToString("N").StartsWith(Prefix, StringComparison.Ordinal);

    public static bool IsHostile(string? id) => Guid.TryParse(id, out var guid) && IsHostile(guid);
}
