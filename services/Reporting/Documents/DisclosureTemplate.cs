using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Documents;

/// <summary>
/// The layout of the national disclosure report's tables (国办公开办函〔2021〕30号): table 三's columns and rows with
/// their Chinese labels and the metric each row is read from. <see cref="Table3Row.Section"/> and
/// <see cref="Table3Row.Group"/> are the label cells a row sits under, for the printed layout.
/// </summary>
public static class DisclosureTemplate
{
    public const string TotalColumn = "total";

    public sealed record Column(string Key, string Label);

    /// <param name="Key">The row's key in the JSON (received, outcome.disclosed, …).</param>
    /// <param name="Metric">The disclosure.* key of its total; a column's is this key with the column as suffix.</param>
    public sealed record Table3Row(string Key, string Metric, string? Section, string? Group, string Label)
    {
        /// <summary>The label as one line, e.g. "（三）不予公开 1.属于国家秘密".</summary>
        public string FullLabel => string.Join(" ", new[] { Group, Label }.Where(s => s is not null));

        public string MetricOf(string column) => column == TotalColumn ? Metric : DisclosureMetrics.Column(Metric, column);
    }

    /// <summary>The applicant columns (the first under 自然人, the next five under 法人或其他组织), then 总计.</summary>
    public static readonly IReadOnlyList<Column> Columns =
    [
        new("natural_person", "自然人"),
        new("commercial_enterprise", "商业企业"),
        new("research_institution", "科研机构"),
        new("social_welfare_organization", "社会公益组织"),
        new("legal_service_organization", "法律服务机构"),
        new("other_organization", "其他"),
        new(TotalColumn, "总计"),
    ];

    private const string Results = "三、本年度办理结果";
    private const string Withheld = "（三）不予公开";
    private const string Unavailable = "（四）无法提供";
    private const string NotProcessed = "（五）不予处理";
    private const string OtherHandling = "（六）其他处理";

    public static readonly IReadOnlyList<Table3Row> Table3Rows =
    [
        new("received", DisclosureMetrics.RequestsReceived, null, null, "一、本年新收政府信息公开申请数量"),
        new("carried_in", DisclosureMetrics.RequestsCarriedIn, null, null, "二、上年结转政府信息公开申请数量"),
        Outcome("disclosed", null, "（一）予以公开"),
        Outcome("partially_disclosed", null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        Outcome("withheld_state_secret", Withheld, "1.属于国家秘密"),
        Outcome("withheld_prohibited_by_law", Withheld, "2.其他法律行政法规禁止公开"),
        Outcome("withheld_safety_stability", Withheld, "3.危及“三安全一稳定”"),
        Outcome("withheld_third_party", Withheld, "4.保护第三方合法权益"),
        Outcome("withheld_internal_affairs", Withheld, "5.属于三类内部事务信息"),
        Outcome("withheld_process_information", Withheld, "6.属于四类过程性信息"),
        Outcome("withheld_enforcement_file", Withheld, "7.属于行政执法案卷"),
        Outcome("withheld_administrative_inquiry", Withheld, "8.属于行政查询事项"),
        Outcome("unavailable_not_held", Unavailable, "1.本机关不掌握相关政府信息"),
        Outcome("unavailable_needs_creation", Unavailable, "2.没有现成信息需要另行制作"),
        Outcome("unavailable_unclear", Unavailable, "3.补正后申请内容仍不明确"),
        Outcome("not_processed_complaint", NotProcessed, "1.信访举报投诉类申请"),
        Outcome("not_processed_duplicate", NotProcessed, "2.重复申请"),
        Outcome("not_processed_publication", NotProcessed, "3.要求提供公开出版物"),
        Outcome("not_processed_excessive", NotProcessed, "4.无正当理由大量反复申请"),
        Outcome("not_processed_confirmation", NotProcessed, "5.要求行政机关确认或重新出具已获取信息"),
        Outcome("other_no_clarification", OtherHandling, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Outcome("other_fee_unpaid", OtherHandling, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Outcome("other", OtherHandling, "3.其他"),
        new("concluded", DisclosureMetrics.RequestsConcluded, Results, null, "（七）总计"),
        new("carried_out", DisclosureMetrics.RequestsCarriedOut, null, null, "四、结转下年度继续办理"),
    ];

    /// <summary>The outcome rows （一）–（六）, whose sum is （七）总计.</summary>
    public static IEnumerable<Table3Row> OutcomeRows => Table3Rows.Where(r => r.Key.StartsWith("outcome.", StringComparison.Ordinal));

    public static Table3Row Row(string key) => Table3Rows.Single(r => r.Key == key);

    private static Table3Row Outcome(string outcome, string? group, string label) =>
        new("outcome." + outcome, DisclosureMetrics.Outcome(outcome), Results, group, label);
}
