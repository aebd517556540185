using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Reporting;
using Fazhi.Reporting.Documents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Tests.CaseEvents;

namespace Fazhi.Reporting.Tests;

/// <summary>The disclosure report's tables: table 三's rows and checks, table 四's mapping, table 二's absence, the printed page.</summary>
public sealed class DisclosureReportTests
{
    private static readonly DateOnly YearStart = new(2023, 1, 1);
    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    /// <summary>What the YTD query answers: period counters over the year, state counters up to the as-of date, composed.</summary>
    private static IReadOnlyDictionary<string, double> Figures(
        IEnumerable<Contribution> contributions, IReadOnlyCollection<string> period, IReadOnlyCollection<string> state,
        Func<IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, double>> compose, DateOnly asOf)
    {
        var sums = contributions
            .Where(c => (period.Contains(c.Metric) && c.Day >= YearStart && c.Day <= asOf) || (state.Contains(c.Metric) && c.Day <= asOf))
            .GroupBy(c => c.Metric)
            .ToDictionary(g => g.Key, g => g.Sum(c => (long)c.Delta));
        return compose(sums);
    }

    [Fact]
    public void Table_three_has_every_template_row_and_column_with_the_outcomes_in_the_apis_order()
    {
        Assert.Equal(DisclosureMetrics.Outcomes.Select(o => "outcome." + o), DisclosureTemplate.OutcomeRows.Select(r => r.Key));
        var table = DisclosureTables.Table3(new Dictionary<string, double>());

        Assert.Equal(2 + 21 + 2, table.Rows.Count);
        Assert.Equal([.. DisclosureMetrics.Columns, "total"], table.Columns.Select(c => c.Key));
        Assert.All(table.Rows, r => Assert.Equal(7, r.Values.Count));
        Assert.Equal("（三）不予公开 1.属于国家秘密", table.Rows.Single(r => r.Key == "outcome.withheld_state_secret").Label);
        Assert.Empty(table.Violations);
    }

    [Fact]
    public void Figures_derived_from_requests_balance_in_every_column()
    {
        var requests = new[]
        {
            Request("2022-12-20", null, "APPLICANT_TYPE_NATURAL_PERSON"),                       // carried in, still open
            Request("2022-12-28", "2023-01-10", "APPLICANT_TYPE_COMMERCIAL_ENTERPRISE", "OUTCOME_DISCLOSED"),
            Request("2023-03-01", "2023-03-20", "APPLICANT_TYPE_NATURAL_PERSON", "OUTCOME_WITHHELD_THIRD_PARTY"),
            Request("2023-12-30", null, "APPLICANT_TYPE_LEGAL_SERVICE_ORGANIZATION"),           // carried out
        };
        var figures = Figures(requests.SelectMany(DisclosureFigures.Of), DisclosureMetrics.PeriodCounters, DisclosureMetrics.StateCounters,
            DisclosureFigures.Compose, YearEnd);

        var table = DisclosureTables.Table3(figures);

        Assert.Empty(table.Violations);
        int Cell(string row, string column) => table.Rows.Single(r => r.Key == row).Values[column];
        Assert.Equal(2, Cell("received", "total"));
        Assert.Equal(2, Cell("carried_in", "total"));
        Assert.Equal(1, Cell("carried_in", "commercial_enterprise"));
        Assert.Equal(2, Cell("concluded", "total"));
        Assert.Equal(1, Cell("outcome.withheld_third_party", "natural_person"));
        Assert.Equal(2, Cell("carried_out", "total"));
        Assert.Equal(1, Cell("carried_out", "legal_service_organization"));
    }

    [Fact]
    public void A_hand_kept_ledger_that_drifted_is_shown_as_a_violation_of_its_column()
    {
        // The worked example's ledger: 313 received + 8 carried in, 313 answered + 7 carried out.
        var figures = new Dictionary<string, double>
        {
            [DisclosureMetrics.RequestsReceived] = 313, [DisclosureMetrics.RequestsCarriedIn] = 8,
            [DisclosureMetrics.RequestsConcluded] = 313, [DisclosureMetrics.Outcome("disclosed")] = 313,
            [DisclosureMetrics.RequestsCarriedOut] = 7,
        };

        var report = DisclosureTables.Report("410105", 2023, YearEnd, true, figures);

        var violation = Assert.Single(report.Table3.Violations);
        Assert.Equal(("total", "balance", 321, 320), (violation.Column, violation.Rule, violation.Left, violation.Right));
        Assert.Equal("总计：一 + 二 = 313 + 8 = 321，三（七）总计 + 四 = 313 + 7 = 320，相差1", violation.Message);
        Assert.False(report.Balanced);

        var page = DisclosureReportHtml.Render(report);
        Assert.Contains("勾稽关系不平衡", page);
        Assert.Contains(violation.Message, page);
        Assert.Contains("<th rowspan=\"2\" class=\"violation\">总计</th>", page);
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_its_outcomes_is_a_violation_too()
    {
        var column = DisclosureMetrics.Columns[0];
        var figures = new Dictionary<string, double>
        {
            [DisclosureMetrics.Column(DisclosureMetrics.RequestsReceived, column)] = 3,
            [DisclosureMetrics.Column(DisclosureMetrics.RequestsConcluded, column)] = 3,
            [DisclosureMetrics.Column(DisclosureMetrics.Outcome("disclosed"), column)] = 2,
        };

        var violation = Assert.Single(DisclosureTables.Table3(figures).Violations, v => v.Column == column);

        Assert.Equal(("outcomes", 3, 2), (violation.Rule, violation.Left, violation.Right));
    }

    [Fact]
    public void Reconsiderations_of_disclosure_map_to_table_four_by_decision_and_pending_is_a_state_at_the_as_of_date()
    {
        string?[] decisions =
        [
            "DECISION_MAINTAIN", "DECISION_DISMISS_REQUEST",                                   // 结果维持
            "DECISION_REVOKE", "DECISION_MODIFY", "DECISION_CONFIRM_ILLEGAL", "DECISION_CONFIRM_INVALID", "DECISION_ORDER_PERFORMANCE", // 结果纠正
            "DECISION_DISMISS_APPLICATION", "DECISION_MEDIATION", "DECISION_SETTLEMENT", "DECISION_TERMINATE", // 其他结果
        ];
        var cases = decisions.Select(d => Disclosure(Case("2023-02-01", acceptedOn: "2023-02-03", decidedOn: "2023-05-01", decision: d))).ToList();
        cases.Add(Disclosure(Case("2022-11-01", acceptedOn: "2022-11-03")));                           // pending since last year
        cases.Add(Disclosure(Case("2023-12-01", acceptedOn: "2023-12-05", decidedOn: "2024-01-20")));  // decided after the year: pending at its end
        cases.Add(Disclosure(Case("2022-10-01", acceptedOn: "2022-10-03", decidedOn: "2022-12-01")));  // decided last year: not this year's
        cases.Add(Case("2023-02-01", acceptedOn: "2023-02-03", decidedOn: "2023-05-01", decision: "DECISION_REVOKE")); // not about disclosure
        cases.Add(Disclosure(Case("2023-02-01", acceptedOn: "2023-02-03", decidedOn: "2023-05-01", decision: "DECISION_REVOKE", voided: true)));

        var figures = Figures(cases.SelectMany(ReconsiderationFigures.Of), ReconsiderationMetrics.PeriodCounters,
            ReconsiderationMetrics.StateCounters, sums => ReportFigures.Compose(sums), YearEnd);
        var table = DisclosureTables.Table4(figures).Reconsideration;

        Assert.Equal((2, 5, 4, 2, 13), (table.Upheld, table.Corrected, table.Other, table.Pending, table.Total));

        var midYear = DisclosureTables.Table4(Figures(cases.SelectMany(ReconsiderationFigures.Of), ReconsiderationMetrics.PeriodCounters,
            ReconsiderationMetrics.StateCounters, sums => ReportFigures.Compose(sums), new DateOnly(2023, 3, 1))).Reconsideration;
        Assert.Equal((0, 0, 0, 12, 12), (midYear.Upheld, midYear.Corrected, midYear.Other, midYear.Pending, midYear.Total));
    }

    [Fact]
    public void Lawsuits_about_disclosure_map_to_table_four_split_by_whether_a_reconsideration_came_first()
    {
        var lawsuits = new List<LitigationCaseChanged>
        {
            Lawsuit(judgment: "JUDGMENT_WON"), Lawsuit(judgment: "JUDGMENT_WON"), Lawsuit(judgment: "JUDGMENT_LOST"),
            Lawsuit(judgment: "JUDGMENT_WITHDRAWN"), Lawsuit(judgment: "JUDGMENT_MEDIATED"), Lawsuit(judgment: "JUDGMENT_OTHER"),
            Lawsuit(), Lawsuit(judgment: "JUDGMENT_WON", judgedOn: "2024-02-01"),                       // pending at the year's end
            Lawsuit(after: true, judgment: "JUDGMENT_LOST"), Lawsuit(after: true),
            // The reconsideration body sued jointly with the original body: the original body counts it, not this one.
            Lawsuit(after: true, judgment: "JUDGMENT_WON", coDefendant: true),
            Lawsuit(instance: "INSTANCE_SECOND", judgment: "JUDGMENT_LOST"),                           // the appeal: counted once, at first instance
            Lawsuit(judgment: "JUDGMENT_LOST") with { Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY" },
            Lawsuit(judgment: "JUDGMENT_LOST") with { Voided = true },
        };

        var figures = Figures(lawsuits.SelectMany(LitigationFigures.Of), LitigationMetrics.PeriodCounters, LitigationMetrics.StateCounters,
            LitigationFigures.Compose, YearEnd);
        var table = DisclosureTables.Table4(figures);

        var direct = table.LitigationDirect;
        Assert.Equal((2, 1, 3, 2, 8), (direct.Upheld, direct.Corrected, direct.Other, direct.Pending, direct.Total));
        var after = table.LitigationAfterReconsideration;
        Assert.Equal((0, 1, 0, 1, 2), (after.Upheld, after.Corrected, after.Other, after.Pending, after.Total));
        // The co-defendant's lawsuit is still a first-instance lawsuit against this organisation everywhere else.
        Assert.Equal(12, figures[LitigationMetrics.FirstInstanceReceived]);
    }

    [Fact]
    public void Table_two_absent_prints_zeros_and_says_it_was_not_reported()
    {
        var absent = DisclosureTables.Report("410105", 2023, YearEnd, true, new Dictionary<string, double>());
        Assert.False(absent.Table2Reported);
        Assert.Equal(new DisclosureTable2(), absent.Table2);
        Assert.Contains("本年度尚未填报表二数据", DisclosureReportHtml.Render(absent));
        var zeros = DisclosureTables.Report("410105", 2023, YearEnd, true, DisclosureTables.Table2Keys.All.ToDictionary(k => k, _ => 0.0));
        Assert.False(zeros.Table2Reported);

        var reported = DisclosureTables.Report("410105", 2023, YearEnd, true, new Dictionary<string, double>
        {
            [DisclosureTables.Table2Keys.NormativeDocumentsIssued] = 12, [DisclosureTables.Table2Keys.PenaltyDecisions] = 2317,
            [DisclosureTables.Table2Keys.FeesWanYuan] = 35.6,
        });
        Assert.True(reported.Table2Reported);
        Assert.Equal((12, 2317, 35.6, 0), (reported.Table2.NormativeDocumentsIssued, reported.Table2.PenaltyDecisions,
            reported.Table2.FeesWanYuan, reported.Table2.RulesIssued));
        var page = DisclosureReportHtml.Render(reported);
        Assert.Contains("<td colspan=\"3\">35.6</td>", page);
        Assert.DoesNotContain("本年度尚未填报表二数据", page);
    }

    [Fact]
    public void The_printed_page_has_the_templates_headings_and_a4_print_css()
    {
        var page = DisclosureReportHtml.Render(DisclosureTables.Report("4101", 2023, YearEnd, true, new Dictionary<string, double>()));

        foreach (var heading in (string[])["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
                     "一、本年新收政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理", "法人或其他组织", "未经复议直接起诉", "复议后起诉", "尚未审结"])
            Assert.Contains(heading, page);
        Assert.Contains("size: A4", page);
        Assert.DoesNotContain("勾稽关系不平衡", page);
    }

    private static ReconsiderationCaseChanged Disclosure(ReconsiderationCaseChanged c) => c with { Category = "ACT_CATEGORY_INFORMATION_DISCLOSURE" };

    private static DisclosureCaseChanged Request(string receivedOn, string? concludedOn, string applicant, string? outcome = null) => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = Org, Kind = DisclosureCaseChanged.RequestKind,
        ReceivedOn = D(receivedOn), ApplicantType = applicant, ConcludedOn = concludedOn is null ? null : D(concludedOn), Outcome = outcome,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static LitigationCaseChanged Lawsuit(
        string? judgment = null, string judgedOn = "2023-09-01", bool after = false, bool coDefendant = false, string instance = "INSTANCE_FIRST") => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = Org, Status = judgment is null ? "CASE_STATUS_OPEN" : "CASE_STATUS_JUDGED", Instance = instance,
        FiledOn = new DateOnly(2023, 3, 1), Category = "ACT_CATEGORY_INFORMATION_DISCLOSURE", AfterReconsideration = after,
        ReconsiderationBodyCoDefendant = coDefendant, JudgedOn = judgment is null ? null : D(judgedOn), Judgment = judgment,
        ChangedAt = DateTimeOffset.UnixEpoch,
    };
}
