using Fazhi.Calendar;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;

namespace Fazhi.Reconsideration.Tests;

/// <summary>Builds cases at a given stage with real business dates; "today" is well after every date used.</summary>
internal static class TestCases
{
    public static readonly WorkingDayCalendar WorkingDays = WorkingDayCalendar.Default;
    public static readonly DateOnly Today = D("2025-12-31");

    // ISO strings keep the expected dates readable next to the holiday notices they come from.
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    public static ReconsiderationCase Received(string receivedOn = "2024-02-26", DateOnly? today = null) =>
        ReconsiderationCase.Receive(
            Guid.NewGuid(), "410105", D(receivedOn), ApplicantType.NaturalPerson, ActCategory.AdministrativePenalty,
            "郑州市金水区市场监督管理局", "不服行政处罚决定书", today ?? Today, WorkingDays);

    public static ReconsiderationCase Accepted(
        string receivedOn = "2024-02-26", string acceptedOn = "2024-03-01", Procedure procedure = Procedure.Ordinary)
    {
        var c = Received(receivedOn);
        c.Accept(D(acceptedOn), procedure, Today, WorkingDays);
        return c;
    }

    public static ReconsiderationCase Decided(
        string receivedOn = "2024-02-26", string acceptedOn = "2024-03-01", string decidedOn = "2024-04-15",
        Decision decision = Decision.Revoke)
    {
        var c = Accepted(receivedOn, acceptedOn);
        c.Decide(D(decidedOn), decision, Today, WorkingDays,
            decision == Decision.Terminate ? TerminationGround.ApplicantDied : TerminationGround.Unspecified);
        return c;
    }

    public static ReconsiderationCase Rejected(string receivedOn = "2024-02-26", string rejectedOn = "2024-02-28")
    {
        var c = Received(receivedOn);
        c.Reject(D(rejectedOn), "不属于行政复议范围", Today);
        return c;
    }
}
