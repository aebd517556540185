using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Domain;

/// <summary>The fields a correction changes; null leaves a field as it is.</summary>
public sealed record CaseCorrection(string Reason)
{
    public DateOnly? ReceivedOn { get; init; }
    public ApplicantType? ApplicantType { get; init; }
    public ActCategory? Category { get; init; }
    public string? Respondent { get; init; }
    public string? Summary { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public Procedure? Procedure { get; init; }
    public DateOnly? RejectedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public Decision? Decision { get; init; }
    public IReadOnlyList<DateOnly>? HearingDates { get; init; }
    public TerminationGround? TerminationGround { get; init; }
}
