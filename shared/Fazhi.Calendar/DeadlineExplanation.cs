namespace Fazhi.Calendar;

/// <summary>
/// A computed deadline together with the evidence behind it, so a case officer (or an auditor)
/// can see which days were not counted and which calendar version decided that.
/// </summary>
/// <param name="Due">The last day of the period.</param>
/// <param name="Version">Version of the calendar data used.</param>
/// <param name="SkippedDays">Non-working days that were passed over, in date order.</param>
/// <param name="UnscheduledYears">
/// Years whose days had to be classified but for which no State Council schedule was loaded;
/// those days were judged as plain Monday–Friday, so the result must be rechecked once the
/// schedule is published. Empty when the calendar fully covered the computation.
/// </param>
public sealed record DeadlineExplanation(
    DateOnly Due,
    string Version,
    IReadOnlyList<SkippedDay> SkippedDays,
    IReadOnlyList<int> UnscheduledYears);

/// <param name="Date">The day that was not counted.</param>
/// <param name="Reason">The holiday name from the schedule, or <see cref="WeekendReason"/>.</param>
public sealed record SkippedDay(DateOnly Date, string Reason)
{
    public const string WeekendReason = "周末";
}
