using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Tests;

/// <summary>Builds case states as the reconsideration service publishes them, and sums contributions like the query does.</summary>
internal static class CaseEvents
{
    public const string Org = "410105";

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static ReconsiderationCaseChanged Case(
        string receivedOn, string? acceptedOn = null, string? deadline = null, string? decidedOn = null,
        string? decision = null, string? rejectedOn = null, string[]? hearings = null, bool suspended = false,
        bool voided = false, long version = 1, string org = Org) => new()
        {
            CaseId = Guid.NewGuid(),
            Version = version,
            Org = org,
            Status = voided ? "CASE_STATUS_VOIDED"
                : decidedOn is not null ? "CASE_STATUS_DECIDED"
                : rejectedOn is not null ? "CASE_STATUS_REJECTED"
                : suspended ? "CASE_STATUS_SUSPENDED"
                : acceptedOn is not null ? "CASE_STATUS_ACCEPTED"
                : "CASE_STATUS_RECEIVED",
            ReceivedOn = D(receivedOn),
            ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON",
            Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
            AcceptedOn = acceptedOn is null ? null : D(acceptedOn),
            Procedure = acceptedOn is null ? null : "PROCEDURE_ORDINARY",
            Deadline = deadline is null ? null : D(deadline),
            RejectedOn = rejectedOn is null ? null : D(rejectedOn),
            HearingDates = [.. (hearings ?? []).Select(D)],
            DecidedOn = decidedOn is null ? null : D(decidedOn),
            Decision = decidedOn is null ? null : decision ?? "DECISION_MAINTAIN",
            Voided = voided,
            ChangedAt = DateTimeOffset.UnixEpoch,
        };

    /// <summary>A period counter over [from, to], as the YTD query sums it.</summary>
    public static long Between(IEnumerable<Contribution> contributions, string metric, DateOnly from, DateOnly to) =>
        contributions.Where(c => c.Metric == metric && c.Day >= from && c.Day <= to).Sum(c => (long)c.Delta);

    public static long InYear(IEnumerable<Contribution> contributions, string metric, int year) =>
        Between(contributions, metric, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>A state counter at a day: every change up to and including it, from the beginning of time.</summary>
    public static long StateAt(IEnumerable<Contribution> contributions, string metric, DateOnly day) =>
        contributions.Where(c => c.Metric == metric && c.Day <= day).Sum(c => (long)c.Delta);
}
