using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// One row of the reconsideration `cases` table as the service would have left it, for loading a million directly.
/// The mix mirrors a district's year: all received, ~94% accepted (5% rejected, 1% still awaiting acceptance),
/// ~85% decided, 19% of decisions directly correcting. Deadlines are counted in calendar days, not working days:
/// close enough for load, and the bench must not depend on the service's domain code.
/// </summary>
public sealed record BulkCase(
    Guid Id, string Org, DateOnly ReceivedOn, ApplicantType ApplicantType, ActCategory Category, string Respondent,
    CaseStatus Status, DateOnly? AcceptedOn, Procedure Procedure, DateOnly? Deadline, DateOnly? RejectedOn,
    DateOnly? DecidedOn, Decision Decision)
{
    /// <summary>Enum columns hold the C# enum member names (EF's string conversion): 'Decided', 'Ordinary', 'Revoke'.</summary>
    public string StatusName => Status.ToString();

    /// <summary>One version per step taken: received 1, accepted or rejected 2, decided 3.</summary>
    public long Version => Status switch
    {
        CaseStatus.Received => 1,
        CaseStatus.Accepted or CaseStatus.Rejected => 2,
        _ => 3,
    };

    private static readonly ApplicantType[] ApplicantTypes = [.. Enum.GetValues<ApplicantType>().Where(t => t != ApplicantType.Unspecified)];
    private static readonly ActCategory[] Categories = [.. Enum.GetValues<ActCategory>().Where(c => c != ActCategory.Unspecified)];
    private static readonly string[] Respondents = ["区市场监督管理局", "区公安分局", "区自然资源局", "区人力资源和社会保障局", "区城市管理局"];
    private static readonly DateOnly First = new(2024, 1, 1);
    private static readonly int Days = new DateOnly(2025, 12, 31).DayNumber - First.DayNumber + 1;

    /// <summary>A case received on a uniformly random day of 2024–2025 in one of the twenty districts.</summary>
    public static BulkCase Generate(Random random)
    {
        var org = CaseScript.Districts[random.Next(CaseScript.Districts.Length)];
        var received = First.AddDays(random.Next(Days));
        var applicant = ApplicantTypes[random.Next(ApplicantTypes.Length)];
        var category = Categories[random.Next(Categories.Length)];
        var respondent = Respondents[random.Next(Respondents.Length)];
        var id = Guid.CreateVersion7();

        var roll = random.NextDouble();
        if (roll < 0.01)
            return new(id, org, received, applicant, category, respondent, CaseStatus.Received, null, Procedure.Unspecified, null, null, null, Decision.Unspecified);
        if (roll < 0.06)
            return new(id, org, received, applicant, category, respondent, CaseStatus.Rejected, null, Procedure.Unspecified, null,
                received.AddDays(random.Next(1, 6)), null, Decision.Unspecified);

        var accepted = received.AddDays(random.Next(1, 6));
        var procedure = random.NextDouble() < 0.8 ? Procedure.Ordinary : Procedure.Simplified;
        var deadline = accepted.AddDays(procedure == Procedure.Ordinary ? 60 : 30);
        // 85 of every 94 accepted cases are decided, about one in ten of them after their deadline.
        if (random.NextDouble() >= 0.85 / 0.94)
            return new(id, org, received, applicant, category, respondent, CaseStatus.Accepted, accepted, procedure, deadline, null, null, Decision.Unspecified);
        var decided = accepted.AddDays(random.Next(5, procedure == Procedure.Ordinary ? 66 : 33));
        return new(id, org, received, applicant, category, respondent, CaseStatus.Decided, accepted, procedure, deadline, null, decided,
            CaseScript.PickDecision(random));
    }
}
