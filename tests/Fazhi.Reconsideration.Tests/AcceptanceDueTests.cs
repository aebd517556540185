using Fazhi.Reconsideration.Domain;
using static Fazhi.Reconsideration.Tests.TestCases;

namespace Fazhi.Reconsideration.Tests;

/// <summary>受理审查: decided within 5 working days of receipt; the day of receipt is not counted.</summary>
public class AcceptanceDueTests
{
    [Theory]
    // Mon 2024-03-11 → Mon 3/18.
    [InlineData("2024-03-11", "2024-03-18")]
    // Fri 2023-03-03 → Fri 3/10.
    [InlineData("2023-03-03", "2023-03-10")]
    // Thu 2023-09-28: 9/29–10/6 off; Sat 10/7 and Sun 10/8 are make-up days → 10/7, 10/8, 10/9, 10/10, 10/11.
    [InlineData("2023-09-28", "2023-10-11")]
    // Tue 2024-04-30: 劳动节 5/1–5/5 off → 5/6, 5/7, 5/8, 5/9, 5/10.
    [InlineData("2024-04-30", "2024-05-10")]
    // Fri 2025-01-24: Sun 1/26 make-up, Mon 1/27, 春节 1/28–2/4 off, then 2/5, 2/6, 2/7.
    [InlineData("2025-01-24", "2025-02-07")]
    // Fri 2023-12-29: 元旦 12/30–1/1 off → 1/2, 1/3, 1/4, 1/5, Mon 1/8.
    [InlineData("2023-12-29", "2024-01-08")]
    public void Acceptance_is_due_5_working_days_after_receipt(string receivedOn, string due)
    {
        Assert.Equal(D(due), Received(receivedOn).AcceptanceDueOn);
    }

    [Fact]
    public void Correcting_receivedOn_recomputes_the_acceptance_due_date()
    {
        var c = Received("2024-03-11");

        c.Correct(new CaseCorrection("收件日期录入错误") { ReceivedOn = D("2023-09-28") }, Today, WorkingDays);

        Assert.Equal(D("2023-10-11"), c.AcceptanceDueOn);
    }
}
