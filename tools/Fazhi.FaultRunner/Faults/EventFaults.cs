using Fazhi.FaultRunner.Injection;

namespace Fazhi.FaultRunner.Faults;

/// <summary>Real past events published again, newest first and twice: duplicates and stale versions out of order.</summary>
public sealed class ReplayEvents() : Fault("replay")
{
    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var sent = await new EventInjector(context.System, context.Log).ReplayAsync(context.Options.ReplayPerService, ct);
        return $"{sent} messages of already-applied events published again (up to {context.Options.ReplayPerService} sent outbox rows per domain service, newest first: once one message per row, once packed by type)";
    }
}

/// <summary>Events no domain service could have sent: each must be refused and dead-lettered, none applied.</summary>
public sealed class HostileEvents() : Fault("hostile")
{
    public override async Task<string> InjectAsync(FaultContext context, CancellationToken ct)
    {
        var sent = await new EventInjector(context.System, context.Log).HostileAsync(context.HostileOrg, ct);
        context.HostileSent += sent.Count;
        return $"{sent.Count} hostile events published for {context.HostileOrg}:" + string.Concat(sent.Select(s => $"\n      - {s}"));
    }
}
