using Fazhi.Reporting.Documents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Tests;

/// <summary>The annual report's sentence writer: the worked example word for word, rounding, direction, and what it leaves out.</summary>
public sealed class AnnualReportTests
{
    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    // 金水区 2023 as its report states it (domain.md, worked example), and 2022's 110 first-instance lawsuits.
    private static readonly Dictionary<string, double> Jinshui2023 = new()
    {
        [ReconsiderationMetrics.Received] = 557,
        [ReconsiderationMetrics.Accepted] = 525,
        [ReconsiderationMetrics.Decided] = 476,
        [ReconsiderationMetrics.DecidedCarriedIn] = 38,
        [ReconsiderationMetrics.DirectlyCorrected] = 90,
        [LitigationMetrics.FirstInstanceReceived] = 66,
        [LitigationMetrics.Appearances] = 56,
        [LitigationMetrics.Notices] = 62,
        [EnforcementMetrics.FilesReviewed] = 163,
        [EnforcementMetrics.Campaigns] = 2,
        [EnforcementMetrics.CampaignProblemsFound] = 142,
        [EnforcementMetrics.CampaignProblemsRectified] = 142,
        [DisclosureMetrics.ProactivelyPublished] = 11845,
        [DisclosureMetrics.RequestsReceived] = 313,
        [DisclosureMetrics.RequestsCarriedIn] = 8,
        [DisclosureMetrics.RequestsConcluded] = 314,
        [DisclosureMetrics.RequestsCarriedOut] = 7,
    };

    private static readonly Dictionary<string, double> Jinshui2022 = new() { [LitigationMetrics.FirstInstanceReceived] = 110 };

    private static IReadOnlyList<string> Write(
        IReadOnlyDictionary<string, double> current, IReadOnlyDictionary<string, double>? previous = null, string org = "410105",
        DateOnly? asOf = null, bool complete = true) =>
        AnnualSentences.Write(new AnnualSentences.Input(org, 2023, asOf ?? YearEnd, complete, current, previous ?? new Dictionary<string, double>()));

    private static Dictionary<string, double> With(params (string Key, double Value)[] changes)
    {
        var figures = new Dictionary<string, double>(Jinshui2023);
        foreach (var (key, value) in changes) figures[key] = value;
        return figures;
    }

    [Fact]
    public void The_worked_example_is_written_word_for_word()
    {
        var sentences = Write(Jinshui2023, Jinshui2022);

        Assert.Equal(
            "2023年全区共新增行政复议案件557件，受理行政复议525件，结案476件（含上年度转结案件），直接纠错率18.9%。" +
            "全年新增一审行政应诉案件66起，较去年同期下降40%。行政负责人出庭案件共56起，占收到行政机关负责人出庭通知总数的90%。",
            string.Concat(sentences.Take(3)));
        Assert.Equal("全年评查执法案卷163卷，开展专项整治2项，累计查摆整改问题142条。", sentences[3]);
        Assert.Equal("全年主动公开政府信息11845条，收到政府信息公开申请313件，上年结转8件，办结314件，结转下年度继续办理7件。", sentences[4]);
        Assert.All(sentences, s => Assert.EndsWith("。", s));
    }

    [Theory]
    [InlineData(66, 110, "较去年同期下降40%")]
    [InlineData(110, 88, "较去年同期上升25%")]
    [InlineData(80, 80, "较去年同期持平")]
    [InlineData(1001, 1000, "较去年同期基本持平")]   // 0.1%: rounds to 0 but is not equal
    [InlineData(9, 8, "较去年同期上升13%")]          // 12.5%: half away from zero
    [InlineData(7, 8, "较去年同期下降13%")]          // −12.5%
    [InlineData(201, 200, "较去年同期上升1%")]        // 0.5% exactly
    public void The_change_against_last_year_has_its_direction_and_whole_percent(double current, double previous, string expected)
    {
        var sentence = Write(With((LitigationMetrics.FirstInstanceReceived, current)),
            new Dictionary<string, double> { [LitigationMetrics.FirstInstanceReceived] = previous })[1];

        Assert.Equal($"全年新增一审行政应诉案件{current}起，{expected}。", sentence);
    }

    [Fact]
    public void Without_last_years_figure_nothing_is_said_about_change()
    {
        Assert.Equal("全年新增一审行政应诉案件66起。", Write(Jinshui2023)[1]);
        Assert.Equal("全年新增一审行政应诉案件66起。",
            Write(Jinshui2023, new Dictionary<string, double> { [LitigationMetrics.FirstInstanceReceived] = 0 })[1]);
        Assert.Equal("全年新增一审行政应诉案件0起。", Write(With((LitigationMetrics.FirstInstanceReceived, 0)))[1]);
    }

    [Theory]
    [InlineData(90, 476, "18.9")]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")]     // 6.25: half away from zero
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(0, 5, "0.0")]
    [InlineData(5, 5, "100.0")]
    public void The_direct_correction_rate_has_one_decimal(double corrected, double decided, string expected)
    {
        var sentence = Write(With((ReconsiderationMetrics.DirectlyCorrected, corrected), (ReconsiderationMetrics.Decided, decided)))[0];

        Assert.EndsWith($"结案{decided}件（含上年度转结案件），直接纠错率{expected}%。", sentence);
    }

    [Theory]
    [InlineData(56, 62, "90")]
    [InlineData(1, 8, "13")]    // 12.5%
    [InlineData(199, 200, "100")] // 99.5%
    [InlineData(0, 3, "0")]
    public void The_appearance_rate_is_whole_percent(double appearances, double notices, string expected)
    {
        var sentence = Write(With((LitigationMetrics.Appearances, appearances), (LitigationMetrics.Notices, notices)))[2];

        Assert.Equal($"行政负责人出庭案件共{appearances}起，占收到行政机关负责人出庭通知总数的{expected}%。", sentence);
    }

    [Fact]
    public void A_rate_over_nothing_is_not_written()
    {
        var sentences = Write(With(
            (ReconsiderationMetrics.Decided, 0), (ReconsiderationMetrics.DirectlyCorrected, 0), (ReconsiderationMetrics.DecidedCarriedIn, 0),
            (LitigationMetrics.Notices, 0), (LitigationMetrics.Appearances, 0)));

        Assert.Equal("2023年全区共新增行政复议案件557件，受理行政复议525件，结案0件。", sentences[0]);
        Assert.Equal("行政负责人出庭案件共0起。", sentences[2]);
        Assert.DoesNotContain(sentences, s => s.Contains("NaN", StringComparison.Ordinal) || s.Contains('∞'));
    }

    [Fact]
    public void Carried_in_decisions_are_mentioned_only_when_there_are_some()
    {
        Assert.Contains("结案476件，直接纠错率", Write(With((ReconsiderationMetrics.DecidedCarriedIn, 0)))[0]);
    }

    [Fact]
    public void Problems_still_open_are_said_apart()
    {
        Assert.Equal("全年评查执法案卷0卷，累计查摆整改问题12条，其中已整改9条。", Write(With(
            (EnforcementMetrics.FilesReviewed, 0), (EnforcementMetrics.Campaigns, 0),
            (EnforcementMetrics.CampaignProblemsFound, 12), (EnforcementMetrics.CampaignProblemsRectified, 9)))[3]);
    }

    [Theory]
    [InlineData("410105", "全区")]   // 金水区: 01–20 are districts
    [InlineData("410122", "全县")]   // 中牟县: 21–80 counties
    [InlineData("410181", "全市")]   // 巩义市: 81–99 county-level cities
    [InlineData("4101", "全市")]     // 郑州市
    [InlineData("41", "全省")]
    [InlineData("41010501", "本机关")] // a department of 金水区
    public void The_subject_is_the_organisations_kind(string org, string subject)
    {
        Assert.Equal(subject, AnnualSentences.SubjectOf(org));
        Assert.StartsWith($"2023年{subject}共新增行政复议案件", Write(Jinshui2023, org: org)[0]);
    }

    [Fact]
    public void A_year_still_running_says_up_to_which_day()
    {
        var sentences = Write(Jinshui2023, Jinshui2022, asOf: new DateOnly(2023, 6, 30), complete: false);

        Assert.StartsWith("2023年（截至6月30日）全区共新增行政复议案件557件", sentences[0]);
        Assert.Equal("截至6月30日新增一审行政应诉案件66起，较去年同期下降40%。", sentences[1]);
        Assert.DoesNotContain(sentences, s => s.Contains("全年", StringComparison.Ordinal));
    }
}
