using Fazhi.Contracts.IntegrationEvents;
using Fazhi.FaultRunner.Verify;
using Fazhi.Reconsideration.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.FaultRunner.Injection;

/// <summary>One hostile event, packed as a relay pass packs events, with what it is.</summary>
/// <param name="EventId">The event's id and its message's id, both carrying <see cref="HostileMarker"/>.</param>
public sealed record HostileEvent(Guid EventId, object Message, string Description);

/// <summary>
/// Events that break an invariant reporting checks (services/Reporting/Validation), so it must refuse and dead-letter
/// each of them and apply none: the three (a made-up case decided before it was accepted, a real case re-sent as
/// version 1,000,000 with an unknown status, a receipt dated 9999-12-31) and one for each other source. Each travels
/// alone in a <c>CaseChanges</c> message, so each dead letter is one hostile event.
/// </summary>
public static class HostileEventSet
{
    private static readonly DateTimeOffset ChangedAt = DateTimeOffset.UtcNow;

    public static async Task<IReadOnlyList<HostileEvent>> ForAsync(SystemUnderTest system, string org, CancellationToken ct)
    {
        var real = await RealCaseAsync(system, org, ct);
        var shadow = real is null
            ? MadeUp(org) with { Version = 1_000_000, Status = "CASE_STATUS_CLOSED" }
            : real with { Version = 1_000_000, Status = "CASE_STATUS_CLOSED", ChangedAt = ChangedAt };
        return
        [
            Packed(MadeUp(org) with
            {
                Status = "CASE_STATUS_DECIDED", AcceptedOn = new(2024, 5, 10), Procedure = "PROCEDURE_ORDINARY",
                DecidedOn = new(2024, 5, 5), Decision = "DECISION_REVOKE",
            }, id => $"reconsideration: made-up case {id} ({org}) decided 2024-05-05, before it was accepted on 2024-05-10"),
            Packed(shadow, id => real is null
                ? $"reconsideration: made-up case {id} ({org}, no real case there) as version 1000000 with unknown status CASE_STATUS_CLOSED"
                : $"reconsideration: real case {id} ({org}, at version {real.Version}) re-sent as version 1000000 with unknown status CASE_STATUS_CLOSED"),
            Packed(MadeUp(org) with { ReceivedOn = new(9999, 12, 31) },
                id => $"reconsideration: made-up case {id} ({org}) received on 9999-12-31"),
            Packed(new LitigationCaseChanged
            {
                CaseId = Guid.NewGuid(), Version = 1, Org = org, Status = "CASE_STATUS_JUDGED", Instance = "INSTANCE_FIRST",
                Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY", FiledOn = new(2024, 6, 3),
                JudgedOn = new(2024, 5, 2), Judgment = "JUDGMENT_LOST", ChangedAt = ChangedAt,
            }, id => $"litigation: made-up lawsuit {id} ({org}) judged 2024-05-02, before it was filed on 2024-06-03"),
            Packed(new EnforcementCaseChanged
            {
                CaseId = Guid.NewGuid(), Version = 1, Org = org, Kind = EnforcementCaseChanged.Review, DepartmentId = Guid.NewGuid(),
                FileType = "FILE_TYPE_PENALTY", ReviewedOn = new(2024, 6, 3), ScoreTenths = 1500, Grade = "GRADE_EXCELLENT",
                ChangedAt = ChangedAt,
            }, id => $"enforcement: made-up file review {id} ({org}) scored 150 points of 100"),
            Packed(new DisclosureCaseChanged
            {
                CaseId = Guid.NewGuid(), Version = 1, Org = org, Kind = DisclosureCaseChanged.RequestKind,
                ReceivedOn = new(2024, 6, 3), ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON",
                ConcludedOn = new(2024, 5, 20), Outcome = "OUTCOME_DISCLOSED", ChangedAt = ChangedAt,
            }, id => $"disclosure: made-up request {id} ({org}) concluded 2024-05-20, before it was received on 2024-06-03"),
        ];
    }

    private static ReconsiderationCaseChanged MadeUp(string org) => new()
    {
        CaseId = Guid.NewGuid(),
        Version = 1,
        Org = org,
        Status = "CASE_STATUS_RECEIVED",
        ReceivedOn = new(2024, 5, 6),
        ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON",
        Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
        ChangedAt = ChangedAt,
    };

    /// <summary>A real reconsideration case of <paramref name="org"/>, in its current state, or null if it has none.</summary>
    private static async Task<ReconsiderationCaseChanged?> RealCaseAsync(SystemUnderTest system, string org, CancellationToken ct)
    {
        await using var db = DomainDatabase<ReconsiderationDbContext>.Open(system.Databases[Services.Reconsideration]);
        var found = await db.Context.Cases.AsNoTracking().Where(c => c.Org == org).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
        return found?.ToChangedEvent(ChangedAt);
    }

    private static HostileEvent Packed(ReconsiderationCaseChanged e, Func<Guid, string> describe) => Packed(e, e.CaseId, describe);
    private static HostileEvent Packed(LitigationCaseChanged e, Func<Guid, string> describe) => Packed(e, e.CaseId, describe);
    private static HostileEvent Packed(EnforcementCaseChanged e, Func<Guid, string> describe) => Packed(e, e.CaseId, describe);
    private static HostileEvent Packed(DisclosureCaseChanged e, Func<Guid, string> describe) => Packed(e, e.CaseId, describe);

    private static HostileEvent Packed<TEvent>(TEvent hostile, Guid caseId, Func<Guid, string> describe)
        where TEvent : class
    {
        var eventId = HostileMarker.NewId();
        var message = new CaseChanges<TEvent> { Events = [new RelayedEvent<TEvent>(eventId, null, hostile)] };
        return new HostileEvent(eventId, message, describe(caseId) + $" [event {eventId}]");
    }
}
