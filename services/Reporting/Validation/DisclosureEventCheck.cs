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
        FrozenSet.ToFrozenSet([DisclosureCaseChanged.RequestKind, DisclosureCaseChanged.PublicationDayKind], StringComparer.Ordinal);
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
        return check.Required("receivedOn", e.ReceivedOn)
            .Code("applicantType", e.ApplicantType, ApplicantTypes, required: true)
            .Code("outcome", e.Outcome, Outcomes)
            .Happened("receivedOn", e.ReceivedOn)
            .Happened("concludedOn", e.ConcludedOn)
            .NotBefore("concludedOn", e.ConcludedOn, "receivedOn", e.ReceivedOn)
            .Consistent((e.ConcludedOn is null) == (e.Outcome is null), "concludedOn and outcome must come together")
            .Rejection;
    }
}
