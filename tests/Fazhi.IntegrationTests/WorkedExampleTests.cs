using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// 金水区 2023 (docs/domain.md, "Worked example"): 557 received, 525 accepted, 476 decided including cases carried in from 2022,
/// 90 directly corrected — a direct correction rate of 18.9%. Logged case by case through the public gRPC API.
/// </summary>
public sealed class WorkedExampleTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private const string Org = "410105";
    private const int CarriedIn = 20;
    private static readonly DateOnly FirstDay = new(2023, 1, 2);

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

        // Received and accepted in December 2022, decided in January 2023: 上年度转结.
        var carriedIn = Enumerable.Range(0, CarriedIn).Select(i => Throttled(async () =>
        {
            var c = await system.Cases.ReceiveAsync(Org, D(new DateOnly(2022, 12, 1).AddDays(i)));
            await system.Cases.AcceptAsync(c.Id, D(new DateOnly(2022, 12, 5).AddDays(i)));
            await system.Cases.DecideAsync(c.Id, D(new DateOnly(2023, 1, 10).AddDays(i)), Decision.Maintain);
        }));

        // 557 received in 2023: 525 accepted (32 not), 456 of those decided in 2023; 90 directly corrected, 20 mediated.
        var thisYear = Enumerable.Range(0, 557).Select(i => Throttled(async () =>
        {
            var receivedOn = FirstDay.AddDays(i % 300);
            var c = await system.Cases.ReceiveAsync(Org, D(receivedOn));
            if (i >= 525)
            {
                await system.Cases.RejectAsync(c.Id, D(receivedOn.AddDays(2)));
                return;
            }
            await system.Cases.AcceptAsync(c.Id, D(receivedOn.AddDays(1)));
            if (i >= 456) return;
            if (i % 10 == 0) await system.Cases.HearAsync(c.Id, D(receivedOn.AddDays(10)));
            var decision = i < 90 ? Corrections[i % Corrections.Length] : i < 110 ? Decision.Mediation : Decision.Maintain;
            await system.Cases.DecideAsync(c.Id, D(receivedOn.AddDays(30)), decision);
        }));

        await Task.WhenAll(carriedIn.Concat(thisYear));

        // Events reach reporting asynchronously: wait until every step has been counted (or time out and show what was).
        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["reconsideration.received"] == 557 && y.Metrics["reconsideration.rejected"] == 32
            && y.Metrics["reconsideration.decided"] == 476 && y.Metrics["reconsideration.pending"] == 525 - 456);
        var m = ytd.Metrics;
        Assert.Equal(557, m["reconsideration.received"]);
        Assert.Equal(525, m["reconsideration.accepted"]);
        Assert.Equal(32, m["reconsideration.rejected"]);
        Assert.Equal(476, m["reconsideration.decided"]);
        Assert.Equal(CarriedIn, m["reconsideration.decided_carried_in"]);
        Assert.Equal(90, m["reconsideration.directly_corrected"]);
        Assert.Equal(90.0 / 476, m["reconsideration.direct_correction_rate"], 12);
        Assert.Equal(18.9, Math.Round(m["reconsideration.direct_correction_rate"] * 100, 1));
        Assert.Equal(20, m["reconsideration.mediated_or_settled"]);
        Assert.Equal(110.0 / 476, m["reconsideration.comprehensive_correction_rate"], 12);
        Assert.Equal(46, m["reconsideration.heard_decided"]);
        Assert.Equal(525 - 456, m["reconsideration.pending"]);

        // Same period last year: only the carried-in cases, received and accepted in 2022.
        Assert.Equal(CarriedIn, ytd.PreviousPeriod["reconsideration.received"]);
        Assert.Equal(CarriedIn, ytd.PreviousPeriod["reconsideration.accepted"]);
        Assert.Equal(0, ytd.PreviousPeriod["reconsideration.decided"]);
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
