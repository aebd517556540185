using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;
using static Fazhi.Reporting.Figures.LitigationMetrics;

namespace Fazhi.Reporting.Tests;

public sealed class LitigationFiguresTests
{
    private static readonly DateOnly Filed = new(2023, 3, 1);

    private static LitigationCaseChanged Case(string instance = "INSTANCE_FIRST", DateOnly? judgedOn = null, string? judgment = null,
        bool voided = false, params LitigationNoticeState[] notices) => new()
    {
        CaseId = Guid.NewGuid(), Version = 1, Org = "410105", Status = "CASE_STATUS_OPEN", Instance = instance, FiledOn = Filed,
        Category = "ACT_CATEGORY_OTHER", Notices = notices, JudgedOn = judgedOn, Judgment = judgment, Voided = voided, ChangedAt = DateTimeOffset.UnixEpoch,
    };

    private static LitigationNoticeState Notice(string noticeOn, string? appearance) =>
        new(Guid.NewGuid(), DateOnly.Parse(noticeOn), DateOnly.Parse(noticeOn).AddDays(7), appearance, false);

    private static Dictionary<(string Metric, DateOnly Day), int> Counted(LitigationCaseChanged c) =>
        LitigationFigures.Of(c).ToDictionary(x => (x.Metric, x.Day), x => x.Delta);

    [Fact]
    public void A_first_instance_lawsuit_counts_on_its_filing_date_and_an_appeal_does_not()
    {
        Assert.Equal(new Dictionary<(string, DateOnly), int> { [(FirstInstanceReceived, Filed)] = 1 }, Counted(Case()));
        Assert.Empty(Counted(Case("INSTANCE_SECOND")));
        Assert.Empty(Counted(Case("INSTANCE_RETRIAL")));
    }

    [Fact]
    public void Appearances_count_on_the_notice_date_whoever_appeared()
    {
        var c = Case(notices:
        [
            Notice("2023-03-10", "APPEARANCE_PRINCIPAL"), Notice("2023-03-10", "APPEARANCE_DEPUTY"),
            Notice("2023-04-01", "APPEARANCE_STAFF_EXCUSED"), Notice("2023-04-01", "APPEARANCE_NONE"), Notice("2023-12-30", null),
        ]);
        var counted = Counted(c);
        Assert.Equal(2, counted[(Notices, new DateOnly(2023, 3, 10))]);
        Assert.Equal(2, counted[(Appearances, new DateOnly(2023, 3, 10))]);
        Assert.Equal(1, counted[(PrincipalAppearances, new DateOnly(2023, 3, 10))]);
        Assert.Equal(2, counted[(Notices, new DateOnly(2023, 4, 1))]);
        Assert.False(counted.ContainsKey((Appearances, new DateOnly(2023, 4, 1))));
        // A notice whose hearing is still to come is a notice, and no appearance yet.
        Assert.Equal(1, counted[(Notices, new DateOnly(2023, 12, 30))]);
        Assert.False(counted.ContainsKey((Appearances, new DateOnly(2023, 12, 30))));
    }

    [Fact]
    public void First_instance_judgments_and_losses_count_on_the_judgment_date()
    {
        var judged = new DateOnly(2023, 6, 1);
        var lost = Counted(Case(judgedOn: judged, judgment: "JUDGMENT_LOST"));
        Assert.Equal(1, lost[(FirstInstanceJudgments, judged)]);
        Assert.Equal(1, lost[(FirstInstanceLost, judged)]);
        Assert.False(Counted(Case(judgedOn: judged, judgment: "JUDGMENT_WITHDRAWN")).ContainsKey((FirstInstanceLost, judged)));
        Assert.Empty(Counted(Case("INSTANCE_SECOND", judged, "JUDGMENT_LOST")));
    }

    [Fact]
    public void A_voided_case_contributes_nothing()
    {
        Assert.Empty(LitigationFigures.Of(Case(judgedOn: new DateOnly(2023, 6, 1), judgment: "JUDGMENT_LOST", voided: true,
            notices: Notice("2023-03-10", "APPEARANCE_PRINCIPAL"))));
    }

    [Fact]
    public void Every_key_is_composed_with_unrounded_rates_and_zero_over_nothing()
    {
        var figures = LitigationFigures.Compose(new Dictionary<string, long>
        {
            [FirstInstanceReceived] = 66, [Notices] = 62, [Appearances] = 56, [PrincipalAppearances] = 20,
            [FirstInstanceJudgments] = 30, [FirstInstanceLost] = 3,
        });
        Assert.Equal(56.0 / 62, figures[AppearanceRate]);
        Assert.Equal(0.1, figures[LossRate], 12);
        Assert.Equal(8 + 10, figures.Count); // and table 四's two groups of five

        var empty = LitigationFigures.Compose(new Dictionary<string, long>());
        Assert.Equal(0, empty[AppearanceRate]);
        Assert.Equal(0, empty[LossRate]);
    }
}
