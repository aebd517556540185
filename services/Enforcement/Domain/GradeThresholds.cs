using Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// The lowest score of each grade (评查标准: by default 90 优秀, 80 良好, 60 合格, below 合格 不合格). An organisation may
/// set its own; a review keeps the grade it got, so changing these later regrades nothing.
/// </summary>
public sealed record GradeThresholds(decimal Excellent, decimal Good, decimal Passed)
{
    public static readonly GradeThresholds Default = new(90, 80, 60);

    public bool IsValid => Passed is > 0 and <= 100 && Good >= Passed && Good <= 100 && Excellent >= Good && Excellent <= 100;

    /// <summary>A failed veto item (基本标准) makes the file 不合格 whatever its score.</summary>
    public Grade GradeOf(decimal score, bool vetoFailed) =>
        vetoFailed ? Grade.Failed
        : score >= Excellent ? Grade.Excellent
        : score >= Good ? Grade.Good
        : score >= Passed ? Grade.Passed
        : Grade.Failed;
}
