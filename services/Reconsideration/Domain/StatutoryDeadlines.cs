using Fazhi.Calendar;
using Fazhi.Contracts.Reconsideration;

namespace Fazhi.Reconsideration.Domain;

/// <summary>
/// The 2023 revised 行政复议法's periods. Acceptance is decided within 5 working days of receipt; a decision is
/// due 60 days after acceptance (ordinary, extendable once by up to 30) or 30 days (simplified). Suspension stops
/// the clock, and a period that ends on a non-working day ends on the next working day.
/// </summary>
public static class StatutoryDeadlines
{
    public const int AcceptanceWorkingDays = 5;
    public const int OrdinaryDays = 60;
    public const int SimplifiedDays = 30;
    public const int MaxExtensionDays = 30;

    public static DateOnly AcceptanceDue(DateOnly receivedOn, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(receivedOn, AcceptanceWorkingDays);

    public static int BaseDays(Procedure procedure) => procedure switch
    {
        Procedure.Ordinary => OrdinaryDays,
        Procedure.Simplified => SimplifiedDays,
        _ => throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "No statutory period for this procedure"),
    };

    public static DateOnly DecisionDue(DateOnly acceptedOn, Procedure procedure, int extensionDays, int suspendedDays, WorkingDayCalendar calendar) =>
        calendar.AddCalendarDays(acceptedOn, BaseDays(procedure) + extensionDays + suspendedDays);
}
