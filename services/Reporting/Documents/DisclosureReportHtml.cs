using System.Globalization;
using System.Text;
using System.Net;
using Fazhi.Contracts.Reporting;
using static Fazhi.Reporting.Documents.DisclosureTemplate;

namespace Fazhi.Reporting.Documents;

/// <summary>
/// The disclosure report as a printable page laid out like the national template: tables 二, 三 and 四 with the
/// template's Chinese labels, on A4. A column of table 三 that breaks a rule is highlighted and the broken rules are
/// listed under the table.
/// </summary>
public static class DisclosureReportHtml
{
    private const string Style =
        """
        @page { size: A4 portrait; margin: 15mm 12mm; }
        body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", serif; font-size: 10.5pt; color: #000; margin: 0 auto; max-width: 190mm; }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; }
        p.meta { text-align: center; margin: 0 0 4mm; }
        table { border-collapse: collapse; width: 100%; page-break-inside: avoid; }
        th, td { border: 1px solid #000; padding: 1.2mm 1.5mm; text-align: center; vertical-align: middle; }
        td.label { text-align: left; }
        #table3 th, #table3 td:not(.label) { width: 3.4em; }
        td.violation, th.violation { background: #f8c9c4; font-weight: bold; }
        .notice { border: 2px solid #b3261e; color: #b3261e; padding: 2mm 3mm; margin-top: 2mm; }
        .incomplete { color: #8a5a00; }
        @media print { .notice { -webkit-print-color-adjust: exact; print-color-adjust: exact; } td.violation { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;

    public static string Render(DisclosureReport report)
    {
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{report.Org} {report.Year}年政府信息公开工作年度报告")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(E($"{report.Year}年政府信息公开工作年度报告")).Append("</h1>\n<p class=\"meta\">")
            .Append(E($"机构代码 {report.Org}　统计截至 {report.AsOf}")).Append("</p>\n");
        if (!report.Complete)
            html.Append("<p class=\"meta incomplete\">").Append(E($"本年度尚未结束，数据截至{report.AsOf}。")).Append("</p>\n");
        Table2(html, report);
        Table3(html, report.Table3);
        Table4(html, report.Table4);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Table2(StringBuilder html, DisclosureReport report)
    {
        var t = report.Table2;
        html.Append("<h2>二、主动公开政府信息情况</h2>\n<table id=\"table2\">\n");
        html.Append("<tr><th colspan=\"4\">第二十条第（一）项</th></tr>\n")
            .Append("<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>\n");
        Row(html, "规章", t.RulesIssued, t.RulesRepealed, t.RulesInForce);
        Row(html, "行政规范性文件", t.NormativeDocumentsIssued, t.NormativeDocumentsRepealed, t.NormativeDocumentsInForce);
        html.Append("<tr><th colspan=\"4\">第二十条第（五）项</th></tr>\n<tr><th>信息内容</th><th colspan=\"3\">本年处理决定数量</th></tr>\n");
        WideRow(html, "行政许可", N(t.LicensingDecisions));
        html.Append("<tr><th colspan=\"4\">第二十条第（六）项</th></tr>\n<tr><th>信息内容</th><th colspan=\"3\">本年处理决定数量</th></tr>\n");
        WideRow(html, "行政处罚", N(t.PenaltyDecisions));
        WideRow(html, "行政强制", N(t.CompulsionDecisions));
        html.Append("<tr><th colspan=\"4\">第二十条第（八）项</th></tr>\n<tr><th>信息内容</th><th colspan=\"3\">本年收费金额（单位：万元）</th></tr>\n");
        WideRow(html, "行政事业性收费", t.FeesWanYuan.ToString("0.####", CultureInfo.InvariantCulture));
        html.Append("</table>\n");
        if (!report.Table2Reported) html.Append("<p class=\"notice\">本年度尚未填报表二数据，以上按0列示。</p>\n");

        static void Row(StringBuilder html, string label, int issued, int repealed, int inForce) =>
            html.Append("<tr><td class=\"label\">").Append(E(label)).Append("</td><td>").Append(N(issued)).Append("</td><td>")
                .Append(N(repealed)).Append("</td><td>").Append(N(inForce)).Append("</td></tr>\n");

        static void WideRow(StringBuilder html, string label, string value) =>
            html.Append("<tr><td class=\"label\">").Append(E(label)).Append("</td><td colspan=\"3\">").Append(value).Append("</td></tr>\n");
    }

    private static void Table3(StringBuilder html, DisclosureTable3 table)
    {
        var broken = table.Violations.Select(v => v.Column).ToHashSet();
        string Cls(string column) => broken.Contains(column) ? " class=\"violation\"" : "";
        var applicantColumns = table.Columns.Where(c => c.Key != TotalColumn).ToList();

        html.Append("<h2>三、收到和处理政府信息公开申请情况</h2>\n<table id=\"table3\">\n");
        html.Append("<tr><th colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>")
            .Append("<th colspan=\"").Append(table.Columns.Count).Append("\">申请人情况</th></tr>\n");
        html.Append("<tr><th rowspan=\"2\"").Append(Cls(applicantColumns[0].Key)).Append(">").Append(E(applicantColumns[0].Label)).Append("</th>")
            .Append("<th colspan=\"").Append(applicantColumns.Count - 1).Append("\">法人或其他组织</th>")
            .Append("<th rowspan=\"2\"").Append(Cls(TotalColumn)).Append(">总计</th></tr>\n<tr>");
        foreach (var column in applicantColumns.Skip(1)) html.Append("<th").Append(Cls(column.Key)).Append(">").Append(E(column.Label)).Append("</th>");
        html.Append("</tr>\n");

        var rows = table.Rows.ToDictionary(r => r.Key);
        // Label cells span the rows under them: 三、本年度办理结果 over every result row, （三）不予公开 over its items.
        var resultRows = Table3Rows.Count(r => r.Section is not null);
        string? lastGroup = null;
        var sectionWritten = false;
        foreach (var template in Table3Rows)
        {
            html.Append("<tr>");
            if (template.Section is null)
            {
                html.Append("<td class=\"label\" colspan=\"3\">").Append(E(template.Label)).Append("</td>");
            }
            else
            {
                if (!sectionWritten)
                {
                    html.Append("<td class=\"label\" rowspan=\"").Append(resultRows).Append("\">").Append(E(template.Section)).Append("</td>");
                    sectionWritten = true;
                }
                if (template.Group is null)
                {
                    html.Append("<td class=\"label\" colspan=\"2\">").Append(E(template.Label)).Append("</td>");
                }
                else
                {
                    if (template.Group != lastGroup)
                        html.Append("<td class=\"label\" rowspan=\"").Append(Table3Rows.Count(r => r.Group == template.Group)).Append("\">")
                            .Append(E(template.Group)).Append("</td>");
                    html.Append("<td class=\"label\">").Append(E(template.Label)).Append("</td>");
                }
            }
            lastGroup = template.Group;
            var row = rows.GetValueOrDefault(template.Key);
            foreach (var column in table.Columns)
                html.Append("<td").Append(Cls(column.Key)).Append(">").Append(N(row?.Values.GetValueOrDefault(column.Key) ?? 0)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");

        if (table.Violations.Count > 0)
        {
            html.Append("<div class=\"notice\" id=\"violations\"><strong>勾稽关系不平衡：</strong><ul>");
            foreach (var violation in table.Violations) html.Append("<li>").Append(E(violation.Message)).Append("</li>");
            html.Append("</ul></div>\n");
        }
    }

    private static void Table4(StringBuilder html, DisclosureTable4 table)
    {
        html.Append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n<table id=\"table4\">\n");
        html.Append("<tr><th colspan=\"5\" rowspan=\"2\">行政复议</th><th colspan=\"10\">行政诉讼</th></tr>\n")
            .Append("<tr><th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th></tr>\n<tr>");
        for (var i = 0; i < 3; i++)
            foreach (var label in (string[])["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) html.Append("<th>").Append(label).Append("</th>");
        html.Append("</tr>\n<tr>");
        foreach (var group in new[] { table.Reconsideration, table.LitigationDirect, table.LitigationAfterReconsideration })
        {
            var g = group ?? new DisclosureTable4Group();
            foreach (var value in (int[])[g.Upheld, g.Corrected, g.Other, g.Pending, g.Total]) html.Append("<td>").Append(N(value)).Append("</td>");
        }
        html.Append("</tr>\n</table>\n");
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Markup characters escaped; Chinese and "+" as they are (the page is UTF-8).
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
