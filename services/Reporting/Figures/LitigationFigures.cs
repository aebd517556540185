using Fazhi.Contracts.IntegrationEvents;
using static Fazhi.Reporting.Figures.LitigationMetrics;

namespace Fazhi.Reporting.Figures;

/// <summary>
/// What one litigation case, in the state an event carries, contributes to the daily counters (docs/domain.md §2), and how
/// the counter sums become litigation's published keys.
/// </summary>
public static class LitigationFigures
{
    private const string FirstInstance = "INSTANCE_FIRST";

    public static IReadOnlyList<Contribution> Of(LitigationCaseChanged c)
    {
        if (c.Voided) return [];
        var list = new List<Contribution>(4 + 3 * c.Notices.Count);
        void Add(string metric, DateOnly day) => list.Add(new Contribution(c.Org, metric, day, 1));

        if (c.Instance == FirstInstance)
        {
            Add(FirstInstanceReceived, c.FiledOn);
            if (c.JudgedOn is { } judgedOn)
            {
                Add(FirstInstanceJudgments, judgedOn);
                if (c.Judgment == "JUDGMENT_LOST") Add(FirstInstanceLost, judgedOn);
            }
        }
        foreach (var notice in c.Notices)
        {
            // Appearances count on the notice's date, like the notices: the rate then compares like with like.
            Add(Notices, notice.NoticeOn);
            if (notice.Appearance is "APPEARANCE_PRINCIPAL" or "APPEARANCE_DEPUTY") Add(Appearances, notice.NoticeOn);
            if (notice.Appearance is "APPEARANCE_PRINCIPAL") Add(PrincipalAppearances, notice.NoticeOn);
        }
        return Contributions.Normalize(list);
    }

    /// <summary>Every litigation key from the counter sums; rates are unrounded fractions, 0 over nothing.</summary>
    public static IReadOnlyDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        double Sum(string metric) => sums.TryGetValue(metric, out var value) ? value : 0;
        double Rate(double part, double whole) => whole == 0 ? 0 : part / whole;

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [FirstInstanceReceived] = Sum(FirstInstanceReceived),
            [Notices] = Sum(Notices),
            [Appearances] = Sum(Appearances),
            [AppearanceRate] = Rate(Sum(Appearances), Sum(Notices)),
            [PrincipalAppearances] = Sum(PrincipalAppearances),
            [FirstInstanceJudgments] = Sum(FirstInstanceJudgments),
            [FirstInstanceLost] = Sum(FirstInstanceLost),
            [LossRate] = Rate(Sum(FirstInstanceLost), Sum(FirstInstanceJudgments)),
        };
    }
}
