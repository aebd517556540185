using Fazhi.Contracts.Enforcement;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// One 案卷评查: an enforcement file of a department, scored and graded, with every problem found in it. The review and
/// its problems are created together, so a bad problem refuses the whole review. Problems are later rectified one by one.
/// </summary>
public sealed class FileReview : ICase<EnforcementCaseChanged>
{
    public const int MaxFileNumber = 100;

    private List<EnforcementProblem> _problems = [];

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public Guid DepartmentId { get; private set; }
    public FileType FileType { get; private set; }
    public string FileNumber { get; private set; } = "";
    public DateOnly ReviewedOn { get; private set; }
    /// <summary>The year of <see cref="ReviewedOn"/>, stored so that one file reviewed twice in a year hits a unique index.</summary>
    public int ReviewYear { get; private set; }
    public decimal Score { get; private set; }
    public bool VetoFailed { get; private set; }
    public bool ReReview { get; private set; }
    public Grade Grade { get; private set; }
    public IReadOnlyList<EnforcementProblem> Problems => _problems;
    public CaseStatus Status { get; private set; }
    public string? VoidReason { get; private set; }
    public long Version { get; private set; }

    private FileReview() { }

    public static FileReview Record(
        Guid requestId, string org, ReviewedFile file, Department? department, IReadOnlyList<NewProblem> problems,
        GradeThresholds thresholds, DateOnly today)
    {
        Department.RequireOf(department, file.DepartmentId, org);
        if (file.FileType is not (FileType.Penalty or FileType.Licensing or FileType.Compulsion or FileType.Inspection or FileType.Other))
            throw new RuleViolationException("FILE_TYPE_UNKNOWN", $"Unknown file type {file.FileType}.");
        if (file.Score is < 0 or > 100 || decimal.Round(file.Score, 1) != file.Score)
            throw new RuleViolationException("SCORE_OUT_OF_RANGE", $"A score is 0 to 100 with at most one decimal, not {file.Score}.");
        NotInFuture("reviewedOn", file.ReviewedOn, today);
        // A failed veto item makes the file worth 0, whatever its other points: that is what the average counts.
        var score = file.VetoFailed ? 0 : file.Score;
        var found = problems.Select(p =>
        {
            if (p.DepartmentId != file.DepartmentId || p.FoundOn != file.ReviewedOn)
                throw new ArgumentException("A review's problems are the reviewed department's, found on the review date.", nameof(problems));
            return EnforcementProblem.Found(Guid.Empty, p, today);
        }).ToList();
        return new FileReview
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Org = org,
            DepartmentId = file.DepartmentId,
            FileType = file.FileType,
            FileNumber = file.FileNumber,
            ReviewedOn = file.ReviewedOn,
            ReviewYear = file.ReviewedOn.Year,
            Score = score,
            VetoFailed = file.VetoFailed,
            ReReview = file.ReReview,
            Grade = thresholds.GradeOf(score, file.VetoFailed),
            _problems = found,
            Status = CaseStatus.Active,
            Version = 1,
        };
    }

    /// <summary>True when a repeated create carries the same review, so returning this one is a safe retry.</summary>
    public bool IsSameReview(string org, ReviewedFile file, IReadOnlyList<NewProblem> problems) =>
        Org == org && DepartmentId == file.DepartmentId && FileType == file.FileType && FileNumber == file.FileNumber
        && ReviewedOn == file.ReviewedOn && Score == (file.VetoFailed ? 0 : file.Score) && VetoFailed == file.VetoFailed
        && ReReview == file.ReReview && _problems.Count == problems.Count && _problems.Zip(problems).All(p => p.First.IsSame(p.Second));

    public void RectifyProblem(Guid problemId, DateOnly rectifiedOn, DateOnly today)
    {
        RequireNotVoided("rectify a problem of");
        _problems = ProblemList.Rectify(_problems, Id, problemId, rectifiedOn, today);
        Version++;
    }

    public void Void(string reason)
    {
        RequireNotVoided("void");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("REASON_REQUIRED", "Voiding a review needs a reason.");
        VoidReason = reason;
        Status = CaseStatus.Voided;
        Version++;
    }

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public EnforcementCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Kind = EnforcementCaseChanged.Review,
        DepartmentId = DepartmentId,
        FileType = ProtoEnum.Name(FileType),
        ReviewedOn = ReviewedOn,
        ScoreTenths = (int)(Score * 10),
        Grade = ProtoEnum.Name(Grade),
        Problems = ProblemList.States(_problems),
        Voided = Status == CaseStatus.Voided,
        ChangedAt = changedAt,
    };

    private void RequireNotVoided(string action)
    {
        if (Status == CaseStatus.Voided) throw new RuleViolationException("CASE_VOIDED", $"Cannot {action} review {Id}: it is voided.");
    }
}
