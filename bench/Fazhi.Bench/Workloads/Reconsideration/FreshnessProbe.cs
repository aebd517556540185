using System.Diagnostics;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// One freshness sample: log and accept a case in an organisation nobody else writes to (410199), read its YTD
/// `decided`, decide the case, and poll the YTD route until `decided` has grown. The lag runs from the decide
/// call's answer to the first YTD answer that shows it.
/// </summary>
public sealed class FreshnessProbe(CaseCommands commands, YtdReader ytd)
{
    public const string Org = "410199";
    private const string Decided = "reconsideration.decided";
    private static readonly string YtdPath = YtdReader.Path(Org, 2025, new DateOnly(2025, 12, 31));
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    private static readonly CaseScript Script = new(
        Org, new DateOnly(2025, 3, 3), ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty, "区市场监督管理局",
        new DateOnly(2025, 3, 4), Procedure.Ordinary, HeldOn: null, new DateOnly(2025, 4, 1), Decision.Maintain);

    /// <summary>The lag, or null when the decision did not show within 10 s.</summary>
    public async Task<TimeSpan?> SampleAsync(CancellationToken cancellationToken)
    {
        var id = await commands.RunAsync(Command.Create, Script, null, cancellationToken);
        await commands.RunAsync(Command.Accept, Script, id, cancellationToken);
        var before = await ytd.MetricAsync(YtdPath, Decided, cancellationToken);

        await commands.RunAsync(Command.Decide, Script, id, cancellationToken);
        var answered = Stopwatch.GetTimestamp();
        while (await ytd.MetricAsync(YtdPath, Decided, cancellationToken) <= before)
        {
            if (Stopwatch.GetElapsedTime(answered) > GiveUp) return null;
            await Task.Delay(1, cancellationToken);
        }
        return Stopwatch.GetElapsedTime(answered);
    }
}
