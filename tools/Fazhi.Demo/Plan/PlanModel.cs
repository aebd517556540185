namespace Fazhi.Demo.Plan;

/// <summary>
/// Everything the demo logs, as data: per district, the cases of each service with their dated steps. Enum values are
/// the API's JSON names (<c>"DECISION_REVOKE"</c>), so the plan reads like the requests it becomes.
/// </summary>
public sealed record DemoPlan(int Seed, IReadOnlyList<DistrictPlan> Districts);

public sealed record DistrictPlan(
    DistrictProfile Profile,
    IReadOnlyList<ReconsiderationCasePlan> Reconsideration,
    IReadOnlyList<LawsuitPlan> Lawsuits,
    IReadOnlyList<DepartmentPlan> Departments,
    IReadOnlyList<ReviewPlan> Reviews,
    IReadOnlyList<CampaignPlan> Campaigns,
    IReadOnlyList<PublicationPlan> Publications,
    IReadOnlyList<DisclosureRequestPlan> Requests,
    IReadOnlyList<StatisticsPlan> Statistics)
{
    public string Org => Profile.Org;
}

// ---- Reconsideration (行政复议) -------------------------------------------------------------------------------------

public sealed record ReconsiderationCasePlan(
    Guid RequestId, string Org, DateOnly ReceivedOn, string ApplicantType, string Category, string Respondent, string Summary,
    IReadOnlyList<ReconsiderationStep> Steps);

/// <summary>One move on a case, in the order the clerk makes them.</summary>
public abstract record ReconsiderationStep(DateOnly On);

public sealed record Accept(DateOnly On, string Procedure) : ReconsiderationStep(On);

public sealed record Reject(DateOnly On, string Reason) : ReconsiderationStep(On);

public sealed record RequestMaterials(DateOnly On, DateOnly DueOn, string Reason) : ReconsiderationStep(On);

public sealed record MaterialsReceived(DateOnly On) : ReconsiderationStep(On);

public sealed record Hear(DateOnly On) : ReconsiderationStep(On);

public sealed record Suspend(DateOnly On, string Reason) : ReconsiderationStep(On);

public sealed record Resume(DateOnly On) : ReconsiderationStep(On);

public sealed record Extend(DateOnly On, int Days, string Reason) : ReconsiderationStep(On);

public sealed record Withdraw(DateOnly On, string Reason, bool Settled) : ReconsiderationStep(On);

public sealed record Decide(DateOnly On, string Decision, string? TerminationGround = null) : ReconsiderationStep(On);

// ---- Litigation (行政应诉) ------------------------------------------------------------------------------------------

public sealed record LawsuitPlan(
    Guid RequestId, string Org, string Court, string CaseNumber, string Instance, DateOnly FiledOn, string Category,
    bool AfterReconsideration, string Defendant, NoticePlan? Notice, JudgmentPlan? Judgment);

public sealed record NoticePlan(Guid RequestId, DateOnly NoticeOn, DateOnly HearingOn, string Appearance, bool Spoke, string? Excuse);

public sealed record JudgmentPlan(DateOnly JudgedOn, string Judgment);

// ---- Enforcement supervision (案卷评查, 专项整治) -------------------------------------------------------------------

public sealed record DepartmentPlan(Guid RequestId, string Org, string Name, string FilePrefix);

public sealed record ReviewPlan(
    Guid RequestId, string Org, string Department, string FileType, string FileNumber, DateOnly ReviewedOn, double Score,
    bool VetoFailed, IReadOnlyList<ProblemPlan> Problems);

/// <summary>A problem found (on the review date, or <see cref="FoundOn"/> in a campaign) and when it was put right.</summary>
public sealed record ProblemPlan(
    Guid RequestId, string Department, string Category, string Description, DateOnly FoundOn, DateOnly RectifyBy, DateOnly? RectifiedOn);

public sealed record CampaignPlan(Guid RequestId, string Org, string Name, DateOnly StartedOn, DateOnly EndsOn, IReadOnlyList<ProblemPlan> Problems);

// ---- Disclosure (政府信息公开) --------------------------------------------------------------------------------------

public sealed record PublicationPlan(Guid RequestId, string Org, DateOnly PublishedOn, string Category, string Title);

public sealed record DisclosureRequestPlan(
    Guid RequestId, string Org, DateOnly ReceivedOn, string ApplicantType, string Subject, IReadOnlyList<DisclosureStep> Steps);

public abstract record DisclosureStep(DateOnly On);

public sealed record AskClarification(DateOnly On) : DisclosureStep(On);

public sealed record Clarified(DateOnly On) : DisclosureStep(On);

public sealed record ExtendRequest(DateOnly On, int WorkingDays, string Reason) : DisclosureStep(On);

public sealed record Conclude(DateOnly On, string Outcome) : DisclosureStep(On);

/// <summary>Table 二's yearly figures that are not cases (entered per organisation and year).</summary>
public sealed record StatisticsPlan(
    string Org, int Year, int RulesIssued, int RulesRepealed, int RulesInForce, int NormativeDocumentsIssued,
    int NormativeDocumentsRepealed, int NormativeDocumentsInForce, int LicensingDecisions, int PenaltyDecisions,
    int CompulsionDecisions, decimal FeesWanYuan);
