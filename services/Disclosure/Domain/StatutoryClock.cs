using Fazhi.Calendar;

namespace Fazhi.Disclosure.Domain;

/// <summary>
/// The answer period of a request (政府信息公开条例 第三十三条): 20 working days from receipt, once extended by at most
/// 20 more; a request for clarification (补正) stops the clock until the applicant answers. The working days the clock
/// stood still are added to the period, so the due date is one count of working days from receipt on the shared
/// calendar, and its explanation (which days were skipped and why) is the calendar's own.
/// </summary>
public static class StatutoryClock
{
    public const int AnswerWorkingDays = 20;
    public const int MaxExtensionWorkingDays = 20;

    /// <summary>补正 must be asked for at once (第三十条: 7 working days from receipt).</summary>
    public const int ClarificationWithinWorkingDays = 7;

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: the days the clock stood still.</summary>
    public static int WorkingDaysBetween(WorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day)) count++;
        }
        return count;
    }

    public static DeadlineExplanation Explain(WorkingDayCalendar calendar, DateOnly receivedOn, int extensionWorkingDays, int stoppedWorkingDays) =>
        calendar.ExplainWorkingDays(receivedOn, AnswerWorkingDays + extensionWorkingDays + stoppedWorkingDays);
}
