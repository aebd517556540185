using System.Security.Cryptography;
using System.Text;

namespace Fazhi.Demo.Plan;

/// <summary>
/// Deterministic request ids: the same seed, organisation, kind and index always give the same UUID, so a second run
/// repeats the first one's creates and the services return what they created the first time.
/// </summary>
public static class PlanIds
{
    public static Guid For(int seed, string org, string kind, int year, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"fazhi-demo/{seed}/{org}/{kind}/{year}/{index}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);   // version 8 (custom), RFC 9562
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);   // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
