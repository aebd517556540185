using Fazhi.Calendar;

namespace Fazhi.Demo.Plan;

/// <summary>
/// Lays out a district's years as dated cases: a pure function of the seed and the profiles (no clock, no I/O), so the
/// same arguments always give the same plan. The seed varies the details (dates within their windows, applicant types,
/// which case gets which decision); the counts come from the profile and do not depend on it.
/// </summary>
public static partial class DemoPlanner
{
    /// <summary>Business dates of the demo are never later than this: the year after the last full year, first half.</summary>
    public static readonly DateOnly LastDate = new(DistrictProfile.Years[^1] + 1, 6, 30);

    public static DemoPlan Build(int seed, params DistrictProfile[] districts) =>
        new(seed, [.. districts.Select(d => BuildDistrict(seed, d))]);

    private static DistrictPlan BuildDistrict(int seed, DistrictProfile profile)
    {
        var calendar = WorkingDayCalendar.Default;
        var context = new PlanContext(seed, profile, calendar);
        var departments = Departments(context);
        return new DistrictPlan(
            profile,
            Reconsideration(context),
            Lawsuits(context),
            departments,
            Reviews(context, departments),
            Campaigns(context, departments),
            Publications(context),
            Requests(context),
            [.. DistrictProfile.Years.Select(y => Statistics(profile, y))]);
    }

    private static StatisticsPlan Statistics(DistrictProfile profile, int year)
    {
        var t = profile.Disclosure[year].Statistics;
        return new StatisticsPlan(profile.Org, year, t.RulesIssued, t.RulesRepealed, t.RulesInForce, t.NormativeDocumentsIssued,
            t.NormativeDocumentsRepealed, t.NormativeDocumentsInForce, t.LicensingDecisions, t.PenaltyDecisions, t.CompulsionDecisions, t.FeesWanYuan);
    }

    /// <summary>The seeded randomness and date helpers one district's planning shares.</summary>
    private sealed class PlanContext(int seed, DistrictProfile profile, WorkingDayCalendar calendar)
    {
        public int Seed { get; } = seed;
        public DistrictProfile Profile { get; } = profile;
        public WorkingDayCalendar Calendar { get; } = calendar;
        public string Org => Profile.Org;

        /// <summary>One random stream per purpose, so adding cases of one kind does not reshuffle another.</summary>
        public Random Random(string purpose, int year) =>
            new(HashCode(purpose) ^ (Seed * 7919) ^ (year * 104729) ^ HashCode(Profile.Org));

        public Guid Id(string kind, int year, int index) => PlanIds.For(Seed, Org, kind, year, index);

        /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
        public List<DateOnly> WorkingDays(DateOnly from, DateOnly to)
        {
            var days = new List<DateOnly>();
            for (var d = from; d <= to; d = d.AddDays(1))
                if (Calendar.IsWorkingDay(d)) days.Add(d);
            return days;
        }

        /// <summary>Spreads <paramref name="count"/> events evenly over the working days of a window.</summary>
        public List<DateOnly> Spread(int count, DateOnly from, DateOnly to)
        {
            var days = WorkingDays(from, to);
            return [.. Enumerable.Range(0, count).Select(i => days[(int)((long)i * days.Count / Math.Max(1, count))])];
        }

        /// <summary>The working day on or after <paramref name="day"/>.</summary>
        public DateOnly OnOrAfter(DateOnly day) => Calendar.NextWorkingDayOnOrAfter(day);

        /// <summary>The last working day on or before <paramref name="day"/>.</summary>
        public DateOnly OnOrBefore(DateOnly day)
        {
            while (!Calendar.IsWorkingDay(day)) day = day.AddDays(-1);
            return day;
        }

        public DateOnly AddWorkingDays(DateOnly day, int n) => Calendar.AddWorkingDays(day, n);

        // string.GetHashCode is randomised per process: a stable hash keeps the plan the same from run to run.
        private static int HashCode(string text)
        {
            unchecked
            {
                var h = (int)2166136261;
                foreach (var c in text) h = (h ^ c) * 16777619;
                return h;
            }
        }
    }

    /// <summary>Picks from weighted choices with the given random stream.</summary>
    private static T Pick<T>(Random random, IReadOnlyList<(T Value, int Weight)> choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight) return value;
            roll -= weight;
        }
        return choices[^1].Value;
    }

    /// <summary>Deals out exactly the given counts of each value in a seeded order (a shuffled deck).</summary>
    private static List<T> Deck<T>(Random random, params (T Value, int Count)[] cards)
    {
        var deck = cards.SelectMany(c => Enumerable.Repeat(c.Value, c.Count)).ToList();
        for (var i = deck.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (deck[i], deck[j]) = (deck[j], deck[i]);
        }
        return deck;
    }

    private static readonly (string, int)[] ApplicantWeights =
    [
        ("APPLICANT_TYPE_NATURAL_PERSON", 82), ("APPLICANT_TYPE_COMMERCIAL_ENTERPRISE", 12), ("APPLICANT_TYPE_RESEARCH_INSTITUTION", 1),
        ("APPLICANT_TYPE_SOCIAL_WELFARE_ORGANIZATION", 1), ("APPLICANT_TYPE_LEGAL_SERVICE_ORGANIZATION", 2), ("APPLICANT_TYPE_OTHER_ORGANIZATION", 2),
    ];

    private static string Bureau(DistrictProfile profile, int index) =>
        profile.Name + DepartmentNames[index % DepartmentNames.Length].Name;

    private static readonly (string Name, string Prefix)[] DepartmentNames =
    [
        ("市场监督管理局", "市监"), ("自然资源局", "自然资源"), ("城市管理局", "城管"), ("卫生健康委员会", "卫健"),
        ("人力资源和社会保障局", "人社"), ("住房和城乡建设局", "住建"),
    ];
}
