using System.Collections.Frozen;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Disclosure;
using Fazhi.Contracts.IntegrationEvents;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// A disclosure request's or publication day's visible invariants: its kind, known codes, a request received in range
/// and concluded on or after receipt with an outcome, a publication day in range with a bounded, non-negative tally.
/// </summary>
public static class DisclosureEventCheck
{
    private static readonly FrozenSet<string> Kinds =
        FrozenSet.ToFrozenSet([DisclosureCaseChanged.RequestKind, DisclosureCaseChanged.PublicationDayKind, DisclosureCaseChanged.StatisticsKind], StringComparer.Ordinal);

    /// <summary>Far above any organisation's yearly figures (a province issues thousands of decisions, not billions).</summary>
    private const int MaxStatistic = 100_000_000;
    private static readonly FrozenSet<string> ApplicantTypes = ProtoCodes.Of<ApplicantType>();
    private static readonly FrozenSet<string> Outcomes = ProtoCodes.Of<Outcome>();

    public static EventRejection? Check(DisclosureCaseChanged e, EventLimits limits, DateOnly today)
    {
        var check = new EventCheck(limits, today, e.CaseId, e.Version, e.Org).Code("kind", e.Kind, Kinds, required: true);
        if (!check.Passed) return check.Rejection;
        if (e.Kind == DisclosureCaseChanged.PublicationDayKind)
        {
            return check.Required("publishedOn", e.PublishedOn).Happened("publishedOn", e.PublishedOn)
                .Count("published", e.Published, limits.MaxPublishedPerDay)
                .Rejection;
        }
        if (e.Kind == DisclosureCaseChanged.StatisticsKind) return CheckStatistics(e, check, today);
        return check.Required("receivedOn", e.ReceivedOn)
            .Code("applicantType", e.ApplicantType, ApplicantTypes, required: true)
            .Code("outcome", e.Outcome, Outcomes)
            .Happened("receivedOn", e.ReceivedOn)
            .Happened("concludedOn", e.ConcludedOn)
            .NotBefore("concludedOn", e.ConcludedOn, "receivedOn", e.ReceivedOn)
            .Consistent((e.ConcludedOn is null) == (e.Outcome is null), "concludedOn and outcome must come together")
            .Rejection;
    }

    /// <summary>Table 二 of one year: a year that has begun, every figure non-negative and bounded.</summary>
    private static EventRejection? CheckStatistics(DisclosureCaseChanged e, EventCheck check, DateOnly today)
    {
        check.Required("year", e.Year)
            .Consistent(e.Year is null || (e.Year >= 1990 && e.Year <= today.Year + 1), "year out of range")
            .Consistent(e.Statistics is not null, "statistics missing");
        if (!check.Passed || e.Statistics is not { } t) return check.Rejection;
        return check.Count("statistics.rulesIssued", t.RulesIssued, MaxStatistic)
            .Count("statistics.rulesRepealed", t.RulesRepealed, MaxStatistic)
            .Count("statistics.rulesInForce", t.RulesInForce, MaxStatistic)
            .Count("statistics.normativeDocumentsIssued", t.NormativeDocumentsIssued, MaxStatistic)
            .Count("statistics.normativeDocumentsRepealed", t.NormativeDocumentsRepealed, MaxStatistic)
            .Count("statistics.normativeDocumentsInForce", t.NormativeDocumentsInForce, MaxStatistic)
            .Count("statistics.licensingDecisions", t.LicensingDecisions, MaxStatistic)
            .Count("statistics.penaltyDecisions", t.PenaltyDecisions, MaxStatistic)
            .Count("statistics.compulsionDecisions", t.CompulsionDecisions, MaxStatistic)
            .Consistent(t.FeesWanYuan >= 0 && t.FeesWanYuan <= MaxStatistic, "statistics.feesWanYuan out of range")
            .Rejection;
    }
}
