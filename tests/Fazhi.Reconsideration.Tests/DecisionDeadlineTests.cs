using Fazhi.Contracts.Reconsideration;
using Fazhi.Reconsideration.Domain;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>
/// Decision deadline: ordinary 60 days, simplified 30 days from acceptance; a period ending on a weekend or holiday
/// ends on the next working day (调休 make-up weekends are working days). Expected dates worked out by hand from the
/// State Council notices for 2023 (国办发明电〔2022〕16号), 2024 (〔2023〕7号) and 2025 (〔2024〕12号).
/// </summary>
public class DecisionDeadlineTests
{
    [Theory]
    // 3/1 + 60 = Tue 4/30: a plain working day, not moved.
    [InlineData("2024-02-26", "2024-03-01", "2024-04-30")]
    // 8/2 + 60 = 10/1, in 中秋国庆 9/29–10/6; Sat 10/7 was a make-up working day.
    [InlineData("2023-07-31", "2023-08-02", "2023-10-07")]
    // 3/2 + 60 = Wed 5/1, in 劳动节 5/1–5/5 → Mon 5/6.
    [InlineData("2024-02-28", "2024-03-02", "2024-05-06")]
    // 12/5 + 60 = Sat 2024-02-03 (not a make-up day) → Sun 2/4, a 春节 make-up working day.
    [InlineData("2023-12-01", "2023-12-05", "2024-02-04")]
    // 2025-08-08 + 60 = Tue 10/7, in 国庆中秋 10/1–10/8 → Thu 10/9.
    [InlineData("2025-08-07", "2025-08-08", "2025-10-09")]
    // 2023-03-27 + 60 = Fri 5/26: working day.
    [InlineData("2023-03-24", "2023-03-27", "2023-05-26")]
    public void Ordinary_procedure_is_due_60_days_after_acceptance(string receivedOn, string acceptedOn, string due)
    {
        var c = Accepted(receivedOn, acceptedOn, Procedure.Ordinary);
        Assert.Equal(D(due), c.Deadline);
    }

    [Theory]
    // 2025-02-06 + 30 = Sat 3/8 → Mon 3/10.
    [InlineData("2025-02-05", "2025-02-06", "2025-03-10")]
    // 2025-09-01 + 30 = Wed 10/1, in 国庆中秋 10/1–10/8 → Thu 10/9 (Sat 10/11 is the make-up day, after it).
    [InlineData("2025-08-29", "2025-09-01", "2025-10-09")]
    // 2024-01-12 + 30 = Sun 2/11, in 春节 2/10–2/17 → Sun 2/18, a make-up working day.
    [InlineData("2024-01-10", "2024-01-12", "2024-02-18")]
    // 2023-05-25 + 30 = Sat 6/24, last day of 端午 6/22–6/24 → Sun 6/25, a make-up working day.
    [InlineData("2023-05-24", "2023-05-25", "2023-06-25")]
    // 2024-03-04 + 30 = Wed 4/3: working day (清明 is 4/4–4/6).
    [InlineData("2024-03-04", "2024-03-04", "2024-04-03")]
    public void Simplified_procedure_is_due_30_days_after_acceptance(string receivedOn, string acceptedOn, string due)
    {
        var c = Accepted(receivedOn, acceptedOn, Procedure.Simplified);
        Assert.Equal(D(due), c.Deadline);
    }

    [Fact]
    public void Statutory_periods_match_the_law()
    {
        Assert.Equal(60, StatutoryDeadlines.BaseDays(Procedure.Ordinary));
        Assert.Equal(30, StatutoryDeadlines.BaseDays(Procedure.Simplified));
        Assert.Equal(30, StatutoryDeadlines.MaxExtensionDays);
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryDeadlines.BaseDays(Procedure.Unspecified));
    }

    [Fact]
    public void DecisionDue_counts_extension_and_suspension_days_as_calendar_days()
    {
        // 2023-08-02 + 60 + 5 + 3 = 68 days = Mon 10/9.
        Assert.Equal(D("2023-10-09"), StatutoryDeadlines.DecisionDue(D("2023-08-02"), Procedure.Ordinary, 5, 3, WorkingDays));
    }
}
