namespace Fazhi.Reporting.Figures;

/// <summary>The enforcement.* metric keys of docs/api.md and the counters they are composed from.</summary>
public static class EnforcementMetrics
{
    public const string FilesReviewed = "enforcement.files_reviewed";
    public const string FilesExcellent = "enforcement.files_excellent";
    public const string FilesGood = "enforcement.files_good";
    public const string FilesPassed = "enforcement.files_passed";
    public const string FilesFailed = "enforcement.files_failed";
    public const string AverageScore = "enforcement.average_score";
    public const string ProblemsFound = "enforcement.problems_found";
    public const string ProblemsRectified = "enforcement.problems_rectified";
    public const string Campaigns = "enforcement.campaigns";
    public const string CampaignProblemsFound = "enforcement.campaign_problems_found";
    public const string CampaignProblemsRectified = "enforcement.campaign_problems_rectified";
    public const string ProblemsOverdue = "enforcement.problems_overdue";

    // Counters only: the average is their sum over files_reviewed, in tenths so that 87.5 stays a whole number.
    public const string ScoreTenths = "enforcement.score_tenths";

    // A state at a date is a running sum of +1/-1 changes from the beginning of time, not a count over the period.
    public const string OverdueChange = "enforcement.problems_overdue.change";

    /// <summary>Counted on their business date within the period.</summary>
    public static readonly string[] PeriodCounters =
    [
        FilesReviewed, FilesExcellent, FilesGood, FilesPassed, FilesFailed, ScoreTenths, ProblemsFound, ProblemsRectified,
        Campaigns, CampaignProblemsFound, CampaignProblemsRectified,
    ];

    public static readonly string[] StateCounters = [OverdueChange];

    /// <summary>The breakdown row of a department: by id, so a rename moves no figure.</summary>
    public const string DepartmentPrefix = "department:";

    /// <summary>The breakdown row of a file type, by its FileType name (FILE_TYPE_PENALTY).</summary>
    public const string FileTypePrefix = "file_type:";

    public static string DepartmentDimension(Guid departmentId) => DepartmentPrefix + departmentId.ToString("D");

    public static string FileTypeDimension(string fileType) => FileTypePrefix + fileType;

    /// <summary>The keys a department's row answers: its reviews, and its problems from reviews and campaigns.</summary>
    public static readonly string[] DepartmentKeys =
    [
        FilesReviewed, FilesExcellent, FilesGood, FilesPassed, FilesFailed, AverageScore, ProblemsFound, ProblemsRectified,
        CampaignProblemsFound, CampaignProblemsRectified, ProblemsOverdue,
    ];

    /// <summary>The keys a file type's row answers: reviews of that type and their problems (campaigns have no file type).</summary>
    public static readonly string[] FileTypeKeys =
    [
        FilesReviewed, FilesExcellent, FilesGood, FilesPassed, FilesFailed, AverageScore, ProblemsFound, ProblemsRectified,
        ProblemsOverdue,
    ];
}
