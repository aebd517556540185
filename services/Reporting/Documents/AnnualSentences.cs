using System.Globalization;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Documents;

/// <summary>
/// Writes the annual report's statistical sentences (zh-CN) from the figures, in the style of the district report:
/// "2023年全区共新增行政复议案件557件，受理行政复议525件，结案476件（含上年度转结案件），直接纠错率18.9%。". A pure function
/// of its input. Rules (docs/domain.md, "The annual report"):
/// <list type="bullet">
/// <item>Percentages are rounded half away from zero, computed in decimal so that 12.5% is exactly a half: the direct
/// correction rate to one decimal (18.9%), the year-on-year change and the appearance rate to whole percent (40%, 90%).</item>
/// <item>A rate over nothing (no case decided, no notice received) is not written: the sentence keeps its count only.</item>
/// <item>A change needs last year's figure: with none (0) nothing is said about change. Equal figures are 持平; a change
/// that rounds to 0% is 基本持平; otherwise 上升 or 下降 by the rounded percentage.</item>
/// <item>The subject is the organisation's kind by its code: 全省 (2 digits), 全市 (4), 全区 / 全县 / 全市 for a
/// 6-digit county-level code by GB/T 2260's third pair (01–20 市辖区, 21–80 县, 81–99 县级市), 本机关 for a department.</item>
/// <item>For a year still running (<c>complete</c> false) the sentences say up to which day they count.</item>
/// </list>
/// </summary>
public static class AnnualSentences
{
    public sealed record Input(
        string Org, int Year, DateOnly AsOf, bool Complete,
        IReadOnlyDictionary<string, double> Current, IReadOnlyDictionary<string, double> Previous);

    public static IReadOnlyList<string> Write(Input input)
    {
        double Now(string key) => input.Current.GetValueOrDefault(key);
        var subject = SubjectOf(input.Org);
        var period = input.Complete ? "全年" : $"截至{input.AsOf.Month}月{input.AsOf.Day}日";
        var opening = input.Complete ? $"{input.Year}年{subject}" : $"{input.Year}年（截至{input.AsOf.Month}月{input.AsOf.Day}日）{subject}";
        var sentences = new List<string>();

        // 行政复议
        var decided = Now(ReconsiderationMetrics.Decided);
        var reconsideration = $"{opening}共新增行政复议案件{N(Now(ReconsiderationMetrics.Received))}件，" +
                              $"受理行政复议{N(Now(ReconsiderationMetrics.Accepted))}件，结案{N(decided)}件";
        if (Now(ReconsiderationMetrics.DecidedCarriedIn) > 0) reconsideration += "（含上年度转结案件）";
        if (Percent(Now(ReconsiderationMetrics.DirectlyCorrected), decided, 1) is { } correction) reconsideration += $"，直接纠错率{correction}%";
        sentences.Add(reconsideration + "。");

        // 行政应诉
        var received = Now(LitigationMetrics.FirstInstanceReceived);
        var litigation = $"{period}新增一审行政应诉案件{N(received)}起";
        if (Change(received, input.Previous.GetValueOrDefault(LitigationMetrics.FirstInstanceReceived)) is { } change) litigation += "，较去年同期" + change;
        sentences.Add(litigation + "。");

        // 负责人出庭
        var appearance = $"行政负责人出庭案件共{N(Now(LitigationMetrics.Appearances))}起";
        if (Percent(Now(LitigationMetrics.Appearances), Now(LitigationMetrics.Notices), 0) is { } rate) appearance += $"，占收到行政机关负责人出庭通知总数的{rate}%";
        sentences.Add(appearance + "。");

        // 案卷评查, 专项整治
        var found = Now(EnforcementMetrics.CampaignProblemsFound);
        var rectified = Now(EnforcementMetrics.CampaignProblemsRectified);
        var enforcement = $"{period}评查执法案卷{N(Now(EnforcementMetrics.FilesReviewed))}卷";
        if (Now(EnforcementMetrics.Campaigns) > 0) enforcement += $"，开展专项整治{N(Now(EnforcementMetrics.Campaigns))}项";
        enforcement += $"，累计查摆整改问题{N(found)}条";
        if (rectified != found) enforcement += $"，其中已整改{N(rectified)}条";
        sentences.Add(enforcement + "。");

        // 政府信息公开
        sentences.Add($"{period}主动公开政府信息{N(Now(DisclosureMetrics.ProactivelyPublished))}条，" +
                      $"收到政府信息公开申请{N(Now(DisclosureMetrics.RequestsReceived))}件，" +
                      $"上年结转{N(Now(DisclosureMetrics.RequestsCarriedIn))}件，办结{N(Now(DisclosureMetrics.RequestsConcluded))}件，" +
                      $"结转下年度继续办理{N(Now(DisclosureMetrics.RequestsCarriedOut))}件。");
        return sentences;
    }

    /// <summary>全省, 全市, 全区, 全县 or 本机关, from the organisation code (see the class summary).</summary>
    public static string SubjectOf(string org) => org.Length switch
    {
        2 => "全省",
        4 => "全市",
        6 when int.TryParse(org.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var county) =>
            county switch { <= 20 => "全区", <= 80 => "全县", _ => "全市" },
        _ => "本机关",
    };

    /// <summary>
    /// part ÷ whole as a percentage rounded half away from zero to <paramref name="decimals"/> places ("18.9", "90");
    /// null when whole is 0.
    /// </summary>
    public static string? Percent(double part, double whole, int decimals)
    {
        if (whole == 0) return null;
        var percent = Math.Round((decimal)part * 100m / (decimal)whole, decimals, MidpointRounding.AwayFromZero);
        return percent.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// "下降40%", "上升25%", "持平", "基本持平" (a change under half a percent); null when last year's figure is 0, as
    /// there is nothing to compare with.
    /// </summary>
    public static string? Change(double current, double previous)
    {
        if (previous == 0) return null;
        if (current == previous) return "持平";
        var percent = Percent(Math.Abs(current - previous), previous, 0)!;
        if (percent == "0") return "基本持平";
        return (current > previous ? "上升" : "下降") + percent + "%";
    }

    private static string N(double count) => count.ToString("0.##", CultureInfo.InvariantCulture);
}
