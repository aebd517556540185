using Fazhi.Contracts.Enforcement;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Cases;
using Fazhi.ServiceDefaults.Errors;
using static Fazhi.ServiceDefaults.Cases.BusinessDates;

namespace Fazhi.Enforcement.Domain;

/// <summary>
/// A special campaign (专项整治) of the organisation, from its start to its planned end, with the problems found in it
/// (查摆问题) and their rectification. Problems are added one request at a time, each retry-safe by its requestId.
/// </summary>
public sealed class Campaign : ICase<EnforcementCaseChanged>
{
    public const int MaxName = 200;

    private List<EnforcementProblem> _problems = [];

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateOnly StartedOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public IReadOnlyList<EnforcementProblem> Problems => _problems;
    public CaseStatus Status { get; private set; }
    public string? VoidReason { get; private set; }
    public long Version { get; private set; }

    private Campaign() { }

    public static Campaign Launch(Guid requestId, string org, string name, DateOnly startedOn, DateOnly endsOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new RuleViolationException("CAMPAIGN_NAME_REQUIRED", "A campaign needs a name.");
        NotInFuture("startedOn", startedOn, today);
        NotBefore("endsOn", endsOn, "startedOn", startedOn);
        return new Campaign
        {
            Id = Guid.CreateVersion7(), RequestId = requestId, Org = org, Name = name.Trim(), StartedOn = startedOn, EndsOn = endsOn,
            Status = CaseStatus.Active, Version = 1,
        };
    }

    public bool IsSameCampaign(string org, string name, DateOnly startedOn, DateOnly endsOn) =>
        Org == org && Name == name.Trim() && StartedOn == startedOn && EndsOn == endsOn;

    /// <summary>
    /// Logs a problem found in the campaign; a repeated request (same <paramref name="requestId"/>) returns the problem
    /// it logged and changes nothing, and is ALREADY_EXISTS if it carries a different problem.
    /// </summary>
    public EnforcementProblem AddProblem(Guid requestId, NewProblem problem, Department? department, DateOnly today)
    {
        if (_problems.Find(p => p.RequestId == requestId) is { } earlier)
        {
            return earlier.IsSame(problem)
                ? earlier
                : throw new ConflictException($"requestId {requestId} was already used for problem {earlier.Id} with different contents.");
        }
        RequireNotVoided("add a problem to");
        Department.RequireOf(department, problem.DepartmentId, Org);
        // Problems found after the campaign ended belong to ordinary supervision, not to its 查摆 figures.
        if (problem.FoundOn < StartedOn || problem.FoundOn > EndsOn)
            throw new RuleViolationException("OUTSIDE_CAMPAIGN",
                $"foundOn {problem.FoundOn:yyyy-MM-dd} is outside the campaign ({StartedOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}).");
        var found = EnforcementProblem.Found(requestId, problem, today);
        _problems = [.. _problems, found];
        Version++;
        return found;
    }

    public void RectifyProblem(Guid problemId, DateOnly rectifiedOn, DateOnly today)
    {
        RequireNotVoided("rectify a problem of");
        _problems = ProblemList.Rectify(_problems, Id, problemId, rectifiedOn, today);
        Version++;
    }

    public void Void(string reason)
    {
        RequireNotVoided("void");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolationException("REASON_REQUIRED", "Voiding a campaign needs a reason.");
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
        Kind = EnforcementCaseChanged.Campaign,
        StartedOn = StartedOn,
        EndsOn = EndsOn,
        Problems = ProblemList.States(_problems),
        Voided = Status == CaseStatus.Voided,
        ChangedAt = changedAt,
    };

    private void RequireNotVoided(string action)
    {
        if (Status == CaseStatus.Voided) throw new RuleViolationException("CASE_VOIDED", $"Cannot {action} campaign {Id}: it is voided.");
    }
}
