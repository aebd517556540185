namespace Fazhi.FaultRunner.Injection;

/// <summary>
/// Sends events to reporting that no domain service sent at that moment: real past events again (duplicates, and in
/// reverse order), and hostile ones. PLACEHOLDER SIGNATURES: the implementation replaces the bodies.
/// </summary>
public sealed class EventInjector(SystemUnderTest system, TextWriter log)
{
    /// <summary>Publishes up to <paramref name="perService"/> already-sent events of each domain service again, newest
    /// first (so older versions arrive after newer ones), twice. Answers how many were sent.</summary>
    public Task<int> ReplayAsync(int perService, CancellationToken ct) =>
        throw new NotImplementedException($"{system.VirtualHost} {log} {perService} {ct}");

    /// <summary>Publishes the hostile events (one line each in the answer, saying what it is) for <paramref name="org"/>.</summary>
    public Task<IReadOnlyList<string>> HostileAsync(string org, CancellationToken ct) =>
        throw new NotImplementedException($"{org} {ct}");
}
