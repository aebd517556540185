using System.Collections.Concurrent;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.Demo.Client;

/// <summary>
/// Development tokens, minted as tools/Fazhi.DevToken mints them (same <see cref="DevTokens"/> code and key): one per
/// role and organisation, as each office's user would hold one.
/// </summary>
public sealed class DemoTokens(string signingKey)
{
    private readonly ConcurrentDictionary<(string Role, string Org), string> _tokens = new();

    public string For(string role, string org) =>
        _tokens.GetOrAdd((role, org), k => DevTokens.Mint($"demo-{k.Role}-{k.Org}", k.Role, k.Org, signingKey, TimeSpan.FromHours(2)));

    public static string DefaultKey =>
        Environment.GetEnvironmentVariable("Auth__DevSigningKey") is { Length: > 0 } key ? key : DevTokens.DevelopmentKey;
}
