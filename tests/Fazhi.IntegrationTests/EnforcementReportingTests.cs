using System.Net.Http.Json;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Enforcement as a reporting source: its events applied exactly once whatever their order, and its part of the store
/// reset and rebuilt from a re-publish of every review and campaign, leaving the other sources' figures alone.
/// </summary>
public sealed class EnforcementReportingTests(EnforcementSystem system) : IClassFixture<EnforcementSystem>
{
    [Fact]
    public async Task Duplicate_and_out_of_order_events_count_once()
    {
        const string org = "410181";
        var id = Guid.CreateVersion7();
        var bus = system.Reporting.Services.GetRequiredService<IBus>();
        // Published one per message, as a tool or an old relay would: newest first, then older ones and a repeat.
        await bus.Publish(Version(id, org, 3));
        await bus.Publish(Version(id, org, 1));
        await bus.Publish(Version(id, org, 3));
        await bus.Publish(Version(id, org, 2));
        await bus.Publish(Version(Guid.CreateVersion7(), "410182", 1));
        await system.Reports.WaitForAsync("410182", 2024, "2024-12-31", y => y.Metrics["enforcement.files_reviewed"] == 1);
        await Task.Delay(500);

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["enforcement.files_reviewed"]);
        Assert.Equal(1, ytd.Metrics["enforcement.files_good"]);
        Assert.Equal(85.5, ytd.Metrics["enforcement.average_score"], 12);
        Assert.Equal(1, ytd.Metrics["enforcement.problems_found"]);
        Assert.Equal(1, ytd.Metrics["enforcement.problems_rectified"]);
        Assert.Equal(0, ytd.Metrics["enforcement.problems_overdue"]);
    }

    [Fact]
    public async Task Resetting_and_republishing_enforcement_rebuilds_its_figures_and_leaves_reconsiderations()
    {
        const string org = "410184";
        var department = await system.Reviews.DepartmentAsync(org);
        for (var i = 0; i < 9; i++) await system.Reviews.ReviewAsync(org, department.Id, $"2024-03-{i + 1:00}", 60 + i * 5);
        var campaign = await system.Reviews.CampaignAsync(org, "2024-02-01", "2024-10-31");
        for (var i = 0; i < 4; i++) campaign = await system.Reviews.ProblemAsync(campaign.Id, department.Id, $"2024-04-{i + 1:00}", $"2024-05-{i + 1:00}");
        await system.Cases.ReceiveAsync(org, "2024-03-03");
        var live = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y =>
            y.Metrics["enforcement.files_reviewed"] == 9 && y.Metrics["enforcement.campaign_problems_found"] == 4 && y.Metrics["reconsideration.received"] == 1);
        await WaitUntilEnforcementAppliedAsync(org);
        Assert.Equal(4, live.Metrics["enforcement.problems_overdue"]);

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        var reset = await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "enforcement" });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        var emptied = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(0, emptied.Metrics["enforcement.files_reviewed"]);
        Assert.Equal(1, emptied.Metrics["reconsideration.received"]);

        var republished = await system.Enforcement.Http(admin).PostAsJsonAsync("v1/enforcement/admin:republish", new { pageSize = 4 });
        Assert.True(republished.IsSuccessStatusCode, await republished.Content.ReadAsStringAsync());
        await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y =>
            y.Metrics["enforcement.files_reviewed"] == 9 && y.Metrics["enforcement.campaign_problems_found"] == 4);
        await WaitUntilEnforcementAppliedAsync(org);
        Assert.Equal(live.Metrics, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics);
    }

    private static EnforcementCaseChanged Version(Guid id, string org, long version) => new()
    {
        CaseId = id,
        Version = version,
        Org = org,
        Kind = EnforcementCaseChanged.Review,
        DepartmentId = Guid.Empty,
        FileType = "FILE_TYPE_PENALTY",
        ReviewedOn = new DateOnly(2024, 2, 1),
        ScoreTenths = 855,
        Grade = "GRADE_GOOD",
        Problems = version >= 2
            ? [new EnforcementProblemState(id, Guid.Empty, "PROBLEM_CATEGORY_FILING", new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1),
                version >= 3 ? new DateOnly(2024, 2, 20) : null)]
            : [],
        ChangedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Waits until reporting holds every review and campaign of <paramref name="org"/> at the version the service has.</summary>
    private async Task WaitUntilEnforcementAppliedAsync(string org)
    {
        var cases = new Dictionary<Guid, long>();
        await using (var enforcement = new NpgsqlConnection(system.EnforcementConnectionString))
        {
            await enforcement.OpenAsync();
            await using var read = new NpgsqlCommand(
                "SELECT id, version FROM reviews WHERE org = @org UNION ALL SELECT id, version FROM campaigns WHERE org = @org", enforcement);
            read.Parameters.AddWithValue("org", org);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) cases[reader.GetGuid(0)] = reader.GetInt64(1);
        }
        await using var reporting = new NpgsqlConnection(system.ReportingConnectionString);
        await reporting.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var projected = new NpgsqlCommand(
                "SELECT coalesce(sum(version), 0)::bigint FROM projected_cases WHERE source = 'enforcement' AND case_id = ANY(@ids)", reporting);
            projected.Parameters.AddWithValue("ids", cases.Keys.ToArray());
            var applied = (long)(await projected.ExecuteScalarAsync())!;
            if (applied == cases.Values.Sum()) return;
            Assert.True(DateTime.UtcNow < deadline, $"reporting did not catch up with enforcement: versions {applied} of {cases.Values.Sum()}");
            await Task.Delay(50);
        }
    }
}
