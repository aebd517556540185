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
    private const string InformationDisclosure = "ACT_CATEGORY_INFORMATION_DISCLOSURE";

    public static IReadOnlyList<Contribution> Of(LitigationCaseChanged c)
    {
        if (c.Voided) return [];
        var list = new List<Contribution>(4 + 3 * c.Notices.Count);
        void Add(string metric, DateOnly day, int delta = 1) => list.Add(new Contribution(c.Org, metric, day, delta));

        if (c.Instance == FirstInstance)
        {
            Add(FirstInstanceReceived, c.FiledOn);
            if (c.JudgedOn is { } judgedOn)
            {
                Add(FirstInstanceJudgments, judgedOn);
                if (c.Judgment == "JUDGMENT_LOST") Add(FirstInstanceLost, judgedOn);
            }
            if (c.Category == InformationDisclosure && !c.ReconsiderationBodyCoDefendant) AddDisclosureTable(c, Add);
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

    /// <summary>
    /// Table 四's litigation cells for a first-instance lawsuit (each lawsuit once, whatever appeals follow): a judgment
    /// counts on its date as upheld (won), corrected (lost) or other (withdrawn, mediated, other); pending is filed and
    /// not judged at the as-of date. A reconsideration body sued as co-defendant leaves it to the original body.
    /// </summary>
    private static void AddDisclosureTable(LitigationCaseChanged c, Action<string, DateOnly, int> add)
    {
        var group = c.AfterReconsideration ? DisclosureAfterReconsideration : DisclosureDirect;
        add(DisclosurePendingChange(group), c.FiledOn, 1);
        if (c.JudgedOn is not { } judgedOn) return;
        add(DisclosurePendingChange(group), judgedOn, -1);
        add(Disclosure(group, DisclosureCell(c.Judgment)), judgedOn, 1);
    }

    /// <summary>结果维持 (won), 结果纠正 (lost) or 其他结果 (withdrawn, mediated, any other judgment).</summary>
    public static string DisclosureCell(string? judgment) => judgment switch
    {
        "JUDGMENT_WON" => "upheld",
        "JUDGMENT_LOST" => "corrected",
        _ => "other",
    };

    /// <summary>Every litigation key from the counter sums; rates are unrounded fractions, 0 over nothing.</summary>
    public static IReadOnlyDictionary<string, double> Compose(IReadOnlyDictionary<string, long> sums)
    {
        double Sum(string metric) => sums.TryGetValue(metric, out var value) ? value : 0;
        double Rate(double part, double whole) => whole == 0 ? 0 : part / whole;

        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
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
        foreach (var group in DisclosureGroups)
        {
            var cells = new[] { Sum(Disclosure(group, "upheld")), Sum(Disclosure(group, "corrected")), Sum(Disclosure(group, "other")), Sum(DisclosurePendingChange(group)) };
            for (var i = 0; i < cells.Length; i++) figures[Disclosure(group, DisclosureCells[i])] = cells[i];
            figures[Disclosure(group, "total")] = cells.Sum();
        }
        return figures;
    }
}
