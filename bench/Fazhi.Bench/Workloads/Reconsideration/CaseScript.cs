using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// A client's commands: reconsideration's lifecycle, then litigation's (notice, appearance, judgment), enforcement's
/// (review, rectification, campaign, campaign problem) and disclosure's (request, 补正 asked and answered, extension,
/// conclusion, a batch of publications).
/// </summary>
public enum Command
{
    Create, Accept, Hear, Decide, Notice, Appear, Judge,
    Review, Rectify, Campaign, CampaignProblem,
    Request, Clarification, Clarified, Extend, Conclude, PublishBatch,
}

/// <summary>
/// The life of one case as a client will log it: every date follows the one before and lies in 2025 (in the past),
/// so every command is legal and an error is a real error, not a refused move.
/// </summary>
public sealed record CaseScript(
    string Org, DateOnly ReceivedOn, ApplicantType ApplicantType, ActCategory Category, string Respondent,
    DateOnly AcceptedOn, Procedure Procedure, DateOnly? HeldOn, DateOnly DecidedOn, Decision Decision)
{
    /// <summary>Twenty districts of city 4101: the intake and background loads spread over them.</summary>
    public static readonly string[] Districts = [.. Enumerable.Range(1, 20).Select(i => $"4101{i:00}")];

    public const double HearingShare = 0.3;

    private static readonly string[] Respondents = ["区市场监督管理局", "区公安分局", "区自然资源局", "区人力资源和社会保障局", "区城市管理局"];
    private static readonly ApplicantType[] ApplicantTypes = [.. Enum.GetValues<ApplicantType>().Where(t => t != ApplicantType.Unspecified)];
    private static readonly ActCategory[] Categories = [.. Enum.GetValues<ActCategory>().Where(c => c != ActCategory.Unspecified)];

    /// <summary>Decisions with their shares: 19% directly correcting (撤销, 变更, 确认违法, 确认无效, 责令履行).</summary>
    public static readonly (Decision Decision, double Share)[] DecisionMix =
    [
        (Decision.Revoke, 0.08), (Decision.Modify, 0.03), (Decision.ConfirmIllegal, 0.05), (Decision.ConfirmInvalid, 0.01),
        (Decision.OrderPerformance, 0.02), (Decision.Mediation, 0.05), (Decision.Settlement, 0.03), (Decision.Maintain, 0.50),
        (Decision.DismissRequest, 0.18), (Decision.DismissApplication, 0.05),
    ];

    public IEnumerable<Command> Commands()
    {
        yield return Command.Create;
        yield return Command.Accept;
        if (HeldOn is not null) yield return Command.Hear;
        yield return Command.Decide;
    }

    public static CaseScript Next(Random random, IReadOnlyList<string> orgs)
    {
        var received = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 300));
        var accepted = received.AddDays(random.Next(1, 5));
        DateOnly? held = random.NextDouble() < HearingShare ? accepted.AddDays(random.Next(3, 20)) : null;
        var decided = (held ?? accepted).AddDays(random.Next(1, 40));
        return new CaseScript(
            orgs[random.Next(orgs.Count)], received, ApplicantTypes[random.Next(ApplicantTypes.Length)],
            Categories[random.Next(Categories.Length)], Respondents[random.Next(Respondents.Length)],
            accepted, random.NextDouble() < 0.8 ? Procedure.Ordinary : Procedure.Simplified, held, decided, PickDecision(random));
    }

    public static Decision PickDecision(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (decision, share) in DecisionMix)
        {
            if (roll < share) return decision;
            roll -= share;
        }
        return Decision.Maintain;
    }

    public static bool IsDirectCorrection(Decision decision) => decision is
        Decision.Revoke or Decision.Modify or Decision.ConfirmIllegal or Decision.ConfirmInvalid or Decision.OrderPerformance;
}
