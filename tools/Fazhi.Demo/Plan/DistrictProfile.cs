namespace Fazhi.Demo.Plan;

/// <summary>
/// The shape of a district's years: how many cases of each kind the planner lays out. The planner turns these counts
/// into dated cases; <see cref="PlanFigures"/> counts the result back, and the tests hold both to the worked example.
/// </summary>
public sealed record DistrictProfile(
    string Org, string Name, string Abbreviation, string Court,
    IReadOnlyDictionary<int, ReconsiderationYear> Reconsideration,
    IReadOnlyDictionary<int, LitigationYear> Litigation,
    IReadOnlyDictionary<int, EnforcementYear> Enforcement,
    IReadOnlyDictionary<int, DisclosureYear> Disclosure)
{
    /// <summary>The years logged in full; the year after the last gets only the endings of what was still open.</summary>
    public static readonly int[] Years = [2022, 2023];

    /// <summary>The district's part of case numbers (豫0105 for 410105).</summary>
    public string CourtCode => Org[2..];

    // Logged under another code than its own, the district's lawsuits go to a court of that code: case numbers are
    // unique per court, and must not collide with the real district's.
    private static string CourtOf(string org, string realOrg, string realCourt) => org == realOrg ? realCourt : $"{org}人民法院";

    /// <summary>
    /// 金水区 2023 as its report states it (557 / 525 / 476 including 24 carried in / 90 directly corrected; 66 lawsuits
    /// against 110; 56 appearances at 62 notices; 160 files; 140 campaign problems; 11,845 items; 313 / 8 / 313 / 8).
    /// </summary>
    public static DistrictProfile Jinshui(string org = "410105") => new(org, "金水区", "金", CourtOf(org, "410105", "郑州市金水区人民法院"),
        new Dictionary<int, ReconsiderationYear>
        {
            [2022] = new(Received: 498, Rejected: 22, WithdrawnBeforeAcceptance: 2, Abandoned: 1, InReviewAtYearEnd: 0, CarriedOut: 24, DirectlyCorrected: 81, InformationDisclosure: 11),
            [2023] = new(Received: 557, Rejected: 24, WithdrawnBeforeAcceptance: 2, Abandoned: 2, InReviewAtYearEnd: 4, CarriedOut: 73, DirectlyCorrected: 90, InformationDisclosure: 14),
        },
        new Dictionary<int, LitigationYear>
        {
            [2022] = new(FirstInstance: 110, SecondInstance: 7, Principal: 27, Deputy: 53, StaffExcused: 9, Absent: 5, InformationDisclosure: 5),
            [2023] = new(FirstInstance: 66, SecondInstance: 5, Principal: 21, Deputy: 35, StaffExcused: 4, Absent: 2, InformationDisclosure: 4),
        },
        new Dictionary<int, EnforcementYear>
        {
            [2022] = new(Excellent: 30, Good: 52, Passed: 40, FailedByScore: 6, Vetoed: 4,
                [new CampaignYear("2022年涉企行政执法专项整治", new(2022, 5, 9), new(2022, 11, 30), 96)]),
            [2023] = new(Excellent: 38, Good: 61, Passed: 48, FailedByScore: 8, Vetoed: 5,
                [
                    new CampaignYear("2023年行政执法突出问题专项整治", new(2023, 3, 1), new(2023, 10, 31), 100),
                    new CampaignYear("2023年涉企行政执法专项整治", new(2023, 6, 1), new(2023, 11, 30), 40),
                ]),
        },
        new Dictionary<int, DisclosureYear>
        {
            [2022] = new(Published: 10962, Received: 276, CarriedOut: 8,
                new(RulesIssued: 0, RulesRepealed: 0, RulesInForce: 0, NormativeDocumentsIssued: 9, NormativeDocumentsRepealed: 4, NormativeDocumentsInForce: 81,
                    LicensingDecisions: 14872, PenaltyDecisions: 2655, CompulsionDecisions: 131, FeesWanYuan: 23.5m)),
            [2023] = new(Published: 11845, Received: 313, CarriedOut: 8,
                new(RulesIssued: 0, RulesRepealed: 0, RulesInForce: 0, NormativeDocumentsIssued: 12, NormativeDocumentsRepealed: 3, NormativeDocumentsInForce: 90,
                    LicensingDecisions: 15234, PenaltyDecisions: 2876, CompulsionDecisions: 143, FeesWanYuan: 18.2m)),
        });

    /// <summary>中原区: a smaller district with figures of its own, so that the city (4101) is more than 金水区.</summary>
    public static DistrictProfile Zhongyuan(string org = "410102") => new(org, "中原区", "中", CourtOf(org, "410102", "郑州市中原区人民法院"),
        new Dictionary<int, ReconsiderationYear>
        {
            [2022] = new(Received: 214, Rejected: 9, WithdrawnBeforeAcceptance: 1, Abandoned: 1, InReviewAtYearEnd: 0, CarriedOut: 11, DirectlyCorrected: 29, InformationDisclosure: 5),
            [2023] = new(Received: 236, Rejected: 11, WithdrawnBeforeAcceptance: 1, Abandoned: 0, InReviewAtYearEnd: 2, CarriedOut: 27, DirectlyCorrected: 33, InformationDisclosure: 6),
        },
        new Dictionary<int, LitigationYear>
        {
            [2022] = new(FirstInstance: 52, SecondInstance: 3, Principal: 12, Deputy: 25, StaffExcused: 4, Absent: 3, InformationDisclosure: 2),
            [2023] = new(FirstInstance: 47, SecondInstance: 2, Principal: 11, Deputy: 26, StaffExcused: 2, Absent: 1, InformationDisclosure: 2),
        },
        new Dictionary<int, EnforcementYear>
        {
            [2022] = new(Excellent: 11, Good: 24, Passed: 19, FailedByScore: 3, Vetoed: 1,
                [new CampaignYear("2022年行政执法专项整治", new(2022, 6, 1), new(2022, 11, 30), 38)]),
            [2023] = new(Excellent: 15, Good: 29, Passed: 22, FailedByScore: 4, Vetoed: 2,
                [new CampaignYear("2023年行政执法突出问题专项整治", new(2023, 4, 3), new(2023, 11, 30), 55)]),
        },
        new Dictionary<int, DisclosureYear>
        {
            [2022] = new(Published: 5890, Received: 131, CarriedOut: 3,
                new(0, 0, 0, 5, 2, 47, 8213, 1320, 64, 0)),
            [2023] = new(Published: 6320, Received: 148, CarriedOut: 4,
                new(0, 0, 0, 7, 1, 53, 8790, 1415, 71, 0)),
        });
}

/// <summary>
/// A reconsideration year. Accepted = received − rejected − withdrawn before acceptance − abandoned − still in review at
/// year end; decided = accepted − carried out + the previous year's carried out.
/// </summary>
public sealed record ReconsiderationYear(
    int Received, int Rejected, int WithdrawnBeforeAcceptance, int Abandoned, int InReviewAtYearEnd, int CarriedOut,
    int DirectlyCorrected, int InformationDisclosure)
{
    public int Accepted => Received - Rejected - WithdrawnBeforeAcceptance - Abandoned - InReviewAtYearEnd;
}

/// <summary>A litigation year: every notice is answered by one of the four kinds of appearance.</summary>
public sealed record LitigationYear(
    int FirstInstance, int SecondInstance, int Principal, int Deputy, int StaffExcused, int Absent, int InformationDisclosure)
{
    public int Notices => Principal + Deputy + StaffExcused + Absent;
}

public sealed record EnforcementYear(int Excellent, int Good, int Passed, int FailedByScore, int Vetoed, IReadOnlyList<CampaignYear> Campaigns)
{
    public int Reviews => Excellent + Good + Passed + FailedByScore + Vetoed;
}

public sealed record CampaignYear(string Name, DateOnly StartedOn, DateOnly EndsOn, int Problems);

public sealed record DisclosureYear(int Published, int Received, int CarriedOut, TableTwo Statistics);

public sealed record TableTwo(
    int RulesIssued, int RulesRepealed, int RulesInForce, int NormativeDocumentsIssued, int NormativeDocumentsRepealed,
    int NormativeDocumentsInForce, int LicensingDecisions, int PenaltyDecisions, int CompulsionDecisions, decimal FeesWanYuan);
