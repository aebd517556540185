using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults;
using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.Enforcement.Domain;

/// <summary>What reviews and campaigns do alike with their lists of problems.</summary>
internal static class ProblemList
{
    public static List<EnforcementProblem> Rectify(List<EnforcementProblem> problems, Guid ownerId, Guid problemId, DateOnly rectifiedOn, DateOnly today)
    {
        var problem = problems.Find(p => p.Id == problemId)
            ?? throw new RuleViolationException("PROBLEM_NOT_FOUND", $"{ownerId} has no problem {problemId}.");
        var rectified = problem.Rectified(rectifiedOn, today);
        return problems.Select(p => p.Id == problemId ? rectified : p).ToList();
    }

    public static List<EnforcementProblemState> States(IEnumerable<EnforcementProblem> problems) =>
        problems.Select(p => new EnforcementProblemState(p.Id, p.DepartmentId, ProtoEnum.Name(p.Category), p.FoundOn, p.RectifyBy, p.RectifiedOn)).ToList();
}
