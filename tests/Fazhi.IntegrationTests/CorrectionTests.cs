using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Xunit;

namespace Fazhi.IntegrationTests;

public sealed class CorrectionTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    [Fact]
    public async Task Correcting_decided_on_from_2023_into_2024_moves_the_count_between_years()
    {
        const string org = "410181";
        var decided = await system.Cases.DecidedCaseAsync(org, "2023-11-01", "2023-11-03", "2023-12-28", Decision.Revoke);
        await system.Reports.WaitForAsync(org, 2023, "2023-12-31", y => y.Metrics["reconsideration.decided"] == 1);

        var corrected = await system.Cases.Client.CorrectCaseAsync(new CorrectCaseRequest
        {
            Id = decided.Id,
            DecidedOn = "2024-01-03",
            Reason = "决定书落款日期录入错误",
        });
        Assert.Equal(decided.Version + 1, corrected.Version);
        Assert.Equal("2024-01-03", corrected.DecidedOn);

        var y2024 = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);
        Assert.Equal(1, y2024.Metrics["reconsideration.decided"]);
        Assert.Equal(1, y2024.Metrics["reconsideration.decided_carried_in"]);
        Assert.Equal(1, y2024.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(0, y2024.Metrics["reconsideration.received"]);

        var y2023 = await system.Reports.YtdAsync(org, 2023, "2023-12-31");
        Assert.Equal(0, y2023.Metrics["reconsideration.decided"]);
        Assert.Equal(0, y2023.Metrics["reconsideration.directly_corrected"]);
        Assert.Equal(1, y2023.Metrics["reconsideration.received"]);
        // Undecided at the end of 2023 now: it is carried out as pending.
        Assert.Equal(1, y2023.Metrics["reconsideration.pending"]);
    }

    [Fact]
    public async Task Voiding_a_case_removes_it_from_every_figure()
    {
        const string org = "410182";
        var decided = await system.Cases.DecidedCaseAsync(org, "2024-02-01", "2024-02-02", "2024-03-01", Decision.Maintain);
        await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.decided"] == 1);

        await system.Cases.Client.VoidCaseAsync(new VoidCaseRequest { Id = decided.Id, Reason = "重复录入" });

        var ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["reconsideration.received"] == 0);
        Assert.All(ytd.Metrics.Values, value => Assert.Equal(0, value));
    }
}
