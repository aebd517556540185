using Fazhi.Contracts.Enforcement;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// What a reviewer records about one enforcement file: whose it is, its type and number (文号), the review date, the
/// score out of 100 (at most one decimal), whether a veto item failed, and whether it is a second review this year.
/// </summary>
public sealed record ReviewedFile(
    Guid DepartmentId, FileType FileType, string FileNumber, DateOnly ReviewedOn, decimal Score, bool VetoFailed, bool ReReview);
