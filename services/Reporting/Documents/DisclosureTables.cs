using System.Globalization;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Documents.DisclosureTemplate;

namespace Fazhi.Reporting.Documents;

/// <summary>
/// Tables 二, 三 and 四 of the disclosure report from the composed metrics of one period (a pure function of them).
/// Table 三 is checked on every column and every broken rule is listed, never corrected or hidden.
/// </summary>
public static class DisclosureTables
{
    /// <summary>Table 二's keys, as the disclosure service publishes them (period counters dated 1 January).</summary>
    public static class Table2Keys
    {
        public const string RulesIssued = "disclosure.table2.rules_issued";
        public const string RulesRepealed = "disclosure.table2.rules_repealed";
        public const string RulesInForce = "disclosure.table2.rules_in_force";
        public const string NormativeDocumentsIssued = "disclosure.table2.normative_documents_issued";
        public const string NormativeDocumentsRepealed = "disclosure.table2.normative_documents_repealed";
        public const string NormativeDocumentsInForce = "disclosure.table2.normative_documents_in_force";
        public const string LicensingDecisions = "disclosure.table2.licensing_decisions";
        public const string PenaltyDecisions = "disclosure.table2.penalty_decisions";
        public const string CompulsionDecisions = "disclosure.table2.compulsion_decisions";
        public const string FeesWanYuan = "disclosure.table2.fees_wan_yuan";

        public static readonly string[] All =
        [
            RulesIssued, RulesRepealed, RulesInForce, NormativeDocumentsIssued, NormativeDocumentsRepealed, NormativeDocumentsInForce,
            LicensingDecisions, PenaltyDecisions, CompulsionDecisions, FeesWanYuan,
        ];
    }

    public static DisclosureReport Report(string org, int year, DateOnly asOf, bool complete, IReadOnlyDictionary<string, double> figures)
    {
        var table3 = Table3(figures);
        return new DisclosureReport
        {
            Org = org,
            Year = year,
            AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Complete = complete,
            // Composed figures may carry every key as 0 whether or not anything was entered: only a figure tells.
            Table2Reported = Table2Keys.All.Any(key => figures.GetValueOrDefault(key) != 0),
            Table2 = Table2(figures),
            Table3 = table3,
            Table4 = Table4(figures),
            Balanced = table3.Violations.Count == 0,
        };
    }

    /// <summary>Absent keys are 0: a year nobody reported table 二 for prints zeros (and says so: table2Reported false).</summary>
    public static DisclosureTable2 Table2(IReadOnlyDictionary<string, double> figures) => new()
    {
        RulesIssued = Count(figures, Table2Keys.RulesIssued),
        RulesRepealed = Count(figures, Table2Keys.RulesRepealed),
        RulesInForce = Count(figures, Table2Keys.RulesInForce),
        NormativeDocumentsIssued = Count(figures, Table2Keys.NormativeDocumentsIssued),
        NormativeDocumentsRepealed = Count(figures, Table2Keys.NormativeDocumentsRepealed),
        NormativeDocumentsInForce = Count(figures, Table2Keys.NormativeDocumentsInForce),
        LicensingDecisions = Count(figures, Table2Keys.LicensingDecisions),
        PenaltyDecisions = Count(figures, Table2Keys.PenaltyDecisions),
        CompulsionDecisions = Count(figures, Table2Keys.CompulsionDecisions),
        FeesWanYuan = figures.GetValueOrDefault(Table2Keys.FeesWanYuan),
    };

    public static DisclosureTable3 Table3(IReadOnlyDictionary<string, double> figures)
    {
        var table = new DisclosureTable3();
        table.Columns.AddRange(Columns.Select(c => new DisclosureColumn { Key = c.Key, Label = c.Label }));
        foreach (var row in Table3Rows)
        {
            var line = new DisclosureRow { Key = row.Key, Label = row.FullLabel };
            foreach (var column in Columns) line.Values[column.Key] = Count(figures, row.MetricOf(column.Key));
            table.Rows.Add(line);
        }
        table.Violations.AddRange(Check(table));
        return table;
    }

    /// <summary>
    /// Every column's broken rules: the template's balancing rule 一 + 二 = 三（七）总计 + 四, and （七）总计 as the sum of
    /// the outcome rows （一）–（六）.
    /// </summary>
    public static IEnumerable<DisclosureViolation> Check(DisclosureTable3 table)
    {
        var rows = table.Rows.ToDictionary(r => r.Key);
        foreach (var column in table.Columns)
        {
            int Value(string row) => rows.TryGetValue(row, out var r) ? r.Values.GetValueOrDefault(column.Key) : 0;
            var (received, carriedIn, concluded, carriedOut) = (Value("received"), Value("carried_in"), Value("concluded"), Value("carried_out"));
            if (received + carriedIn != concluded + carriedOut)
            {
                yield return new DisclosureViolation
                {
                    Column = column.Key,
                    Rule = "balance",
                    Left = received + carriedIn,
                    Right = concluded + carriedOut,
                    Message = $"{column.Label}：一 + 二 = {received} + {carriedIn} = {received + carriedIn}，" +
                              $"三（七）总计 + 四 = {concluded} + {carriedOut} = {concluded + carriedOut}，" +
                              $"相差{Math.Abs(received + carriedIn - concluded - carriedOut)}",
                };
            }
            var outcomes = OutcomeRows.Sum(r => Value(r.Key));
            if (outcomes != concluded)
            {
                yield return new DisclosureViolation
                {
                    Column = column.Key,
                    Rule = "outcomes",
                    Left = concluded,
                    Right = outcomes,
                    Message = $"{column.Label}：三（七）总计 {concluded} ≠ （一）至（六）之和 {outcomes}",
                };
            }
        }
    }

    public static DisclosureTable4 Table4(IReadOnlyDictionary<string, double> figures) => new()
    {
        Reconsideration = new DisclosureTable4Group
        {
            Upheld = Count(figures, ReconsiderationMetrics.DisclosureUpheld),
            Corrected = Count(figures, ReconsiderationMetrics.DisclosureCorrected),
            Other = Count(figures, ReconsiderationMetrics.DisclosureOther),
            Pending = Count(figures, ReconsiderationMetrics.DisclosurePending),
            Total = Count(figures, ReconsiderationMetrics.DisclosureTotal),
        },
        LitigationDirect = Group(figures, LitigationMetrics.DisclosureDirect),
        LitigationAfterReconsideration = Group(figures, LitigationMetrics.DisclosureAfterReconsideration),
    };

    private static DisclosureTable4Group Group(IReadOnlyDictionary<string, double> figures, string group) => new()
    {
        Upheld = Count(figures, LitigationMetrics.Disclosure(group, "upheld")),
        Corrected = Count(figures, LitigationMetrics.Disclosure(group, "corrected")),
        Other = Count(figures, LitigationMetrics.Disclosure(group, "other")),
        Pending = Count(figures, LitigationMetrics.Disclosure(group, "pending")),
        Total = Count(figures, LitigationMetrics.Disclosure(group, "total")),
    };

    private static int Count(IReadOnlyDictionary<string, double> figures, string key) =>
        (int)Math.Round(figures.GetValueOrDefault(key), MidpointRounding.AwayFromZero);
}
