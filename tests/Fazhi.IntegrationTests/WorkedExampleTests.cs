using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// 金水区 2023 (docs/domain.md, worked example): 557 received, 525 accepted, 476 decided including the 20 cases carried
/// in from 2022, 90 directly corrected — a direct correction rate of 18.9%. Logged case by case through the public gRPC
/// API the way a year really goes: cases accepted by law because nobody acted in time, 补正 that never came back,
/// withdrawals, suspensions, an extension, a corrected decision, cases overdue and cases still under review at year end.
/// </summary>
public sealed class WorkedExampleTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410105";
    private const int CarriedIn = 20;

    private static readonly Decision[] Corrections =
        [Decision.Revoke, Decision.Modify, Decision.ConfirmIllegal, Decision.ConfirmInvalid, Decision.OrderPerformance];

    [Fact]
    public async Task Year_2023_of_jinshui_district_reproduces_the_report()
    {
        using var gate = new SemaphoreSlim(8);
        async Task Throttled(Func<Task> work)
        {
            await gate.WaitAsync();
            try { await work(); } finally { gate.Release(); }
        }

        await Task.WhenAll(
            Enumerable.Range(0, CarriedIn).Select(i => Throttled(() => CarriedInCase(i)))
            .Concat(Enumerable.Range(0, 557).Select(i => Throttled(() => Case2023(i)))));

        // Events reach reporting asynchronously: wait until every step has been counted (or time out and show what was).
        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["reconsideration.received"] == 557 && y.Metrics["reconsideration.rejected"] == 26
            && y.Metrics["reconsideration.decided"] == 476 && y.Metrics["reconsideration.pending"] == 69
            && y.Metrics["reconsideration.directly_corrected"] == 90, TimeSpan.FromSeconds(40));
        var m = ytd.Metrics;
        Assert.Equal(557, m["reconsideration.received"]);
        Assert.Equal(525, m["reconsideration.accepted"]);
        Assert.Equal(9 + 10, m["reconsideration.deemed_accepted"]); // decided after acceptance by law, and pending
        Assert.Equal(26, m["reconsideration.rejected"]);
        Assert.Equal(1, m["reconsideration.abandoned"]);
        Assert.Equal(4, m["reconsideration.withdrawn"]);
        Assert.Equal(4, m["reconsideration.terminated"]);
        Assert.Equal(476, m["reconsideration.decided"]);
        Assert.Equal(CarriedIn, m["reconsideration.decided_carried_in"]);
        Assert.Equal(90, m["reconsideration.directly_corrected"]);
        Assert.Equal(90.0 / 476, m["reconsideration.direct_correction_rate"], 12);
        Assert.Equal(18.9, Math.Round(m["reconsideration.direct_correction_rate"] * 100, 1));
        Assert.Equal(21, m["reconsideration.mediated_or_settled"]);
        Assert.Equal(111.0 / 476, m["reconsideration.comprehensive_correction_rate"], 12);
        Assert.Equal(50, m["reconsideration.heard_decided"]);
        Assert.Equal(50.0 / 476, m["reconsideration.hearing_rate"], 12);
        Assert.Equal(69, m["reconsideration.pending"]);
        Assert.Equal(9, m["reconsideration.overdue"]);

        // Same period last year: only the carried-in cases, received and accepted in 2022.
        Assert.Equal(CarriedIn, ytd.PreviousPeriod["reconsideration.received"]);
        Assert.Equal(CarriedIn, ytd.PreviousPeriod["reconsideration.accepted"]);
        Assert.Equal(0, ytd.PreviousPeriod["reconsideration.decided"]);
        Assert.Equal(CarriedIn, ytd.PreviousPeriod["reconsideration.pending"]);
    }

    /// <summary>Received and accepted in December 2022, decided in January 2023 (上年度转结), with mixed decisions.</summary>
    private async Task CarriedInCase(int i)
    {
        var received = new DateOnly(2022, 12, 1).AddDays(i);
        var c = await system.Cases.ReceiveAsync(Org, D(received));
        await system.Cases.AcceptAsync(c.Id, D(received.AddDays(4)));
        if (i % 5 == 0) await system.Cases.HearAsync(c.Id, D(received.AddDays(6)));
        var decision = (i % 4) switch { 0 => Decision.Revoke, 1 => Decision.Maintain, 2 => Decision.Mediation, _ => Decision.DismissRequest };
        await system.Cases.DecideAsync(c.Id, D(new DateOnly(2023, 1, 10).AddDays(i)), decision);
    }

    private async Task Case2023(int i)
    {
        var api = system.Cases.Client;
        if (i < 456)
        {
            // Decided in 2023; every 50th from 7 on nobody accepted: accepted by law, then decided.
            var received = new DateOnly(2023, 1, 3).AddDays(i % 280);
            var c = await system.Cases.ReceiveAsync(Org, D(received));
            var byLaw = i % 50 == 7;
            if (!byLaw) await system.Cases.AcceptAsync(c.Id, D(received.AddDays(1)), i % 7 == 3 ? Procedure.Simplified : Procedure.Ordinary);
            if (i % 10 == 0) await system.Cases.HearAsync(c.Id, D(received.AddDays(10)));
            if (i % 25 == 5)
            {
                await api.SuspendCaseAsync(new SuspendCaseRequest { Id = c.Id, SuspendedOn = D(received.AddDays(12)), Reason = "中止" });
                await api.ResumeCaseAsync(new ResumeCaseRequest { Id = c.Id, ResumedOn = D(received.AddDays(15)) });
            }
            if (i == 200)
                await api.ExtendCaseAsync(new ExtendCaseRequest { Id = c.Id, ExtendedOn = D(received.AddDays(20)), Days = 15, Reason = "案情复杂" });
            var decidedOn = D(received.AddDays(30));
            if (i is >= 100 and <= 102)
            {
                await api.WithdrawCaseAsync(new WithdrawCaseRequest { Id = c.Id, WithdrawnOn = decidedOn, Reason = "申请人撤回", Settled = i == 100 });
                return;
            }
            if (i == 103)
            {
                await api.DecideCaseAsync(new DecideCaseRequest
                {
                    Id = c.Id, DecidedOn = decidedOn, Decision = Decision.Terminate, TerminationGround = TerminationGround.ApplicantDied,
                });
                return;
            }
            if (i == 84)
            {
                // Logged as 维持 by mistake, then corrected to the 责令履行 actually decided.
                await system.Cases.DecideAsync(c.Id, decidedOn, Decision.Maintain);
                await api.CorrectCaseAsync(new CorrectCaseRequest { Id = c.Id, Decision = Decision.OrderPerformance, Reason = "决定类型录入错误" });
                return;
            }
            var decision = i < 85 ? Corrections[i % Corrections.Length] : i < 100 ? Decision.Mediation : i % 2 == 0 ? Decision.Maintain : Decision.DismissRequest;
            await system.Cases.DecideAsync(c.Id, decidedOn, decision);
        }
        else if (i < 466)
        {
            // Accepted early in the year and still undecided at its end: overdue, except one suspended in time.
            var received = new DateOnly(2023, 1, 10).AddDays((i - 456) * 3);
            var c = await system.Cases.ReceiveAsync(Org, D(received));
            await system.Cases.AcceptAsync(c.Id, D(received.AddDays(1)));
            if (i == 456) await api.SuspendCaseAsync(new SuspendCaseRequest { Id = c.Id, SuspendedOn = D(received.AddDays(20)), Reason = "中止" });
            if (i == 457) await api.ExtendCaseAsync(new ExtendCaseRequest { Id = c.Id, ExtendedOn = D(received.AddDays(30)), Days = 30, Reason = "案情复杂" });
        }
        else if (i < 515)
        {
            // Accepted in November and December: pending, due in 2024.
            var received = new DateOnly(2023, 11, 1).AddDays(i - 466);
            var c = await system.Cases.ReceiveAsync(Org, D(received));
            await system.Cases.AcceptAsync(c.Id, D(received.AddDays(1)));
        }
        else if (i < 525)
        {
            // Received in early December, nobody acted: accepted by law within the year, pending.
            await system.Cases.ReceiveAsync(Org, D(new DateOnly(2023, 12, 1).AddDays(i - 515)));
        }
        else if (i < 551)
        {
            var received = new DateOnly(2023, 1, 3).AddDays((i - 525) * 5);
            var c = await system.Cases.ReceiveAsync(Org, D(received));
            await system.Cases.RejectAsync(c.Id, D(received.AddDays(2)));
        }
        else if (i == 551)
        {
            var c = await system.Cases.ReceiveAsync(Org, "2023-02-01");
            await api.WithdrawCaseAsync(new WithdrawCaseRequest { Id = c.Id, WithdrawnOn = "2023-02-03", Reason = "申请人撤回" });
        }
        else if (i == 552)
        {
            // 补正 asked for and never supplied: 视为放弃 from 3/11.
            var c = await system.Cases.ReceiveAsync(Org, "2023-03-01");
            await api.RequestMaterialsAsync(new RequestMaterialsRequest { Id = c.Id, RequestedOn = "2023-03-02", DueOn = "2023-03-10" });
        }
        else
        {
            // Received in the last days of December: still under review at year end (the review ends in January).
            await system.Cases.ReceiveAsync(Org, D(new DateOnly(2023, 12, 26).AddDays(i - 553)));
        }
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
