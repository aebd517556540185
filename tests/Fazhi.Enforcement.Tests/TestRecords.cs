using Fazhi.Contracts.Enforcement;
using Fazhi.Enforcement.Domain;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Enforcement.Tests;

internal static class TestRecords
{
    public const string Org = "410105";
    public static readonly DateOnly Today = new(2024, 6, 30);
    public static readonly Department Market = Department.Register(Guid.NewGuid(), Org, "金水区市场监督管理局");

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    public static ReviewedFile File(decimal score = 92, bool veto = false, string reviewedOn = "2024-03-01", bool reReview = false) =>
        new(Market.Id, FileType.Penalty, "金市监罚〔2024〕12号", D(reviewedOn), score, veto, reReview);

    public static NewProblem Problem(string foundOn = "2024-03-01", string rectifyBy = "2024-04-01",
        ProblemCategory category = ProblemCategory.Procedural, string description = "未告知陈述申辩权利") =>
        new(Market.Id, category, description, D(foundOn), D(rectifyBy));

    public static FileReview Reviewed(decimal score = 92, bool veto = false, GradeThresholds? thresholds = null, params NewProblem[] problems) =>
        FileReview.Record(Guid.NewGuid(), Org, File(score, veto), Market, problems, thresholds ?? GradeThresholds.Default, Today);

    public static Campaign Launched(string startedOn = "2024-01-01", string endsOn = "2024-12-31") =>
        Campaign.Launch(Guid.NewGuid(), Org, "行政执法突出问题专项整治", D(startedOn), D(endsOn), Today);

    public static string Refused(Action move) => Assert.Throws<RuleViolationException>(move).Reason;
}
