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

    /// <summary>
    /// Table 二 (主动公开情况), as an organisation put it for a year: counted on 1 January of that year, so a period
    /// holds the figures of the years it starts in. Fees are counted in 1/10000 万元 (counters are whole numbers).
    /// </summary>
    public const string Table2RulesIssued = "disclosure.table2.rules_issued";
    public const string Table2RulesRepealed = "disclosure.table2.rules_repealed";
    public const string Table2RulesInForce = "disclosure.table2.rules_in_force";
    public const string Table2NormativeDocumentsIssued = "disclosure.table2.normative_documents_issued";
    public const string Table2NormativeDocumentsRepealed = "disclosure.table2.normative_documents_repealed";
    public const string Table2NormativeDocumentsInForce = "disclosure.table2.normative_documents_in_force";
    public const string Table2LicensingDecisions = "disclosure.table2.licensing_decisions";
    public const string Table2PenaltyDecisions = "disclosure.table2.penalty_decisions";
    public const string Table2CompulsionDecisions = "disclosure.table2.compulsion_decisions";
    public const string Table2FeesWanYuan = "disclosure.table2.fees_wan_yuan";

    /// <summary>How many counter units make one 万元 of <see cref="Table2FeesWanYuan"/>.</summary>
    public const int FeeUnitsPerWanYuan = 10_000;

    /// <summary>Table 二's count keys (fees apart: its counter is in units of 1/10000 万元).</summary>
    public static readonly string[] Table2Counts =
    [
        Table2RulesIssued, Table2RulesRepealed, Table2RulesInForce,
        Table2NormativeDocumentsIssued, Table2NormativeDocumentsRepealed, Table2NormativeDocumentsInForce,
        Table2LicensingDecisions, Table2PenaltyDecisions, Table2CompulsionDecisions,
    ];

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
        ProactivelyPublished, .. Table2Counts, Table2FeesWanYuan, .. WithColumns(RequestsReceived), .. WithColumns(RequestsConcluded),
        .. Outcomes.SelectMany(o => WithColumns(Outcome(o))),
    ];

    /// <summary>Open requests, in total and per column.</summary>
    public static readonly string[] StateCounters = [.. WithColumns(RequestsOpen)];
}
