namespace Fazhi.Reporting.Figures;

/// <summary>
/// The disclosure.* metric keys of docs/api.md: table 三's rows in total and per applicant column (a key with the
/// column as suffix, e.g. disclosure.requests_received.natural_person), and proactive disclosure.
/// </summary>
public static class DisclosureMetrics
{
    public const string ProactivelyPublished = "disclosure.proactively_published";
    public const string RequestsReceived = "disclosure.requests_received";
    public const string RequestsCarriedIn = "disclosure.requests_carried_in";
    public const string RequestsConcluded = "disclosure.requests_concluded";
    public const string RequestsCarriedOut = "disclosure.requests_carried_out";
    public const string OutcomePrefix = "disclosure.outcome.";

    /// <summary>A state counter, not a published key: +1 on receipt, −1 on conclusion; summed to a day it is the open requests.</summary>
    public const string RequestsOpen = "disclosure.requests_open";

    /// <summary>Table 三's columns, as the ApplicantType names without APPLICANT_TYPE_, in lower case.</summary>
    public static readonly string[] Columns =
        ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_organization", "legal_service_organization", "other_organization"];

    /// <summary>Table 三's outcome rows, as the Outcome names without OUTCOME_, in lower case, in template order.</summary>
    public static readonly string[] Outcomes =
    [
        "disclosed", "partially_disclosed",
        "withheld_state_secret", "withheld_prohibited_by_law", "withheld_safety_stability", "withheld_third_party",
        "withheld_internal_affairs", "withheld_process_information", "withheld_enforcement_file", "withheld_administrative_inquiry",
        "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
        "not_processed_complaint", "not_processed_duplicate", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation",
        "other_no_clarification", "other_fee_unpaid", "other",
    ];

    public static string Column(string metric, string column) => metric + "." + column;

    public static string Outcome(string outcome) => OutcomePrefix + outcome;

    private static IEnumerable<string> WithColumns(string metric) => [metric, .. Columns.Select(c => Column(metric, c))];

    /// <summary>Counted on their business date within the period.</summary>
    public static readonly string[] PeriodCounters =
    [
        ProactivelyPublished, .. WithColumns(RequestsReceived), .. WithColumns(RequestsConcluded),
        .. Outcomes.SelectMany(o => WithColumns(Outcome(o))),
    ];

    /// <summary>Open requests, in total and per column.</summary>
    public static readonly string[] StateCounters = [.. WithColumns(RequestsOpen)];
}
