namespace Fazhi.FaultRunner.Verify;

/// <summary>The messages in the run's <c>_error</c> queues: how many, and whether any is not one the run made hostile.</summary>
public sealed record DeadLetterResult(int Total, int Hostile, IReadOnlyList<string> Unexpected)
{
    public bool Ok(int hostileSent) => Unexpected.Count == 0 && Hostile == hostileSent;
}

/// <summary>PLACEHOLDER SIGNATURE: the implementation replaces the body.</summary>
public static class DeadLetterAudit
{
    public static Task<DeadLetterResult> RunAsync(SystemUnderTest system, CancellationToken ct) =>
        throw new NotImplementedException($"{system.VirtualHost} {ct}");
}
