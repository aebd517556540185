using System.Net.Http.Json;
using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Contracts.Litigation;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using Fazhi.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Litigation as a second reporting source: its events applied exactly once whatever their order, its cases told apart
/// from reconsideration's even under the same id, and its part of the store reset and rebuilt on its own.
/// </summary>
public sealed class LitigationReportingTests(LitigationSystem system) : IClassFixture<LitigationSystem>
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
        var marker = Guid.CreateVersion7();
        await bus.Publish(Version(marker, "410182", 1));
        await system.Reports.WaitForAsync("410182", 2024, "2024-12-31", y => y.Metrics["litigation.first_instance_received"] == 1);
        await Task.Delay(500);

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["litigation.first_instance_received"]);
        Assert.Equal(1, ytd.Metrics["litigation.notices"]);
        Assert.Equal(1, ytd.Metrics["litigation.appearances"]);
        Assert.Equal(1, ytd.Metrics["litigation.first_instance_lost"]);
    }

    [Fact]
    public async Task A_case_id_of_one_source_never_meets_the_same_id_of_another()
    {
        const string org = "410183";
        var projector = system.Reporting.Services.GetRequiredService<CaseProjector>();
        var id = Guid.CreateVersion7();
        var lawsuit = Version(id, org, 2);
        var application = new ReconsiderationCaseChanged
        {
            CaseId = id, Version = 5, Org = org, Status = "CASE_STATUS_RECEIVED", ReceivedOn = new DateOnly(2024, 2, 1),
            ApplicantType = "APPLICANT_TYPE_NATURAL_PERSON", Category = "ACT_CATEGORY_OTHER", ChangedAt = DateTimeOffset.UtcNow,
        };

        Assert.Equal(1, await projector.ApplyAsync("litigation", [new CaseVersion(id, 2, LitigationFigures.Of(lawsuit))], CancellationToken.None));
        // Version 5 of "the same" id in reconsideration is another case: applied, and litigation's version 2 untouched.
        Assert.Equal(1, await projector.ApplyAsync("reconsideration", [new CaseVersion(id, 5, ReconsiderationFigures.Of(application))], CancellationToken.None));
        Assert.Equal(0, await projector.ApplyAsync("litigation", [new CaseVersion(id, 2, LitigationFigures.Of(lawsuit))], CancellationToken.None));

        var ytd = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(1, ytd.Metrics["litigation.first_instance_received"]);
        Assert.Equal(1, ytd.Metrics["reconsideration.received"]);
    }

    [Fact]
    public async Task Resetting_and_republishing_litigation_rebuilds_its_figures_and_leaves_reconsiderations()
    {
        const string org = "410184";
        for (var i = 0; i < 12; i++)
        {
            var c = await system.Lawsuits.FileAsync(org, $"2024-03-{i + 1:00}", i % 4 == 0 ? Instance.Second : Instance.First);
            var notice = await system.Lawsuits.NoticeAsync(c.Id, $"2024-04-{i + 1:00}", $"2024-04-{i + 10:00}");
            if (i % 3 != 0) await system.Lawsuits.AppearAsync(c.Id, notice.NoticeId, i % 2 == 0 ? Appearance.Principal : Appearance.Deputy, spoke: true);
            if (i < 6) await system.Lawsuits.JudgeAsync(c.Id, $"2024-05-{i + 1:00}", i < 2 ? Judgment.Lost : Judgment.Won);
        }
        await system.Cases.ReceiveAsync(org, "2024-03-03");
        var live = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y =>
            y.Metrics["litigation.notices"] == 12 && y.Metrics["litigation.first_instance_judgments"] == 4 && y.Metrics["reconsideration.received"] == 1);
        await WaitUntilLitigationAppliedAsync(org);

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        var reset = await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "litigation" });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        var emptied = await system.Reports.YtdAsync(org, 2024, "2024-12-31");
        Assert.Equal(0, emptied.Metrics["litigation.notices"]);
        Assert.Equal(1, emptied.Metrics["reconsideration.received"]);

        var republished = await system.Litigation.Http(admin).PostAsJsonAsync("v1/litigation/admin:republish", new { pageSize = 5 });
        Assert.True(republished.IsSuccessStatusCode, await republished.Content.ReadAsStringAsync());
        var rebuilt = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["litigation.notices"] == 12);
        await WaitUntilLitigationAppliedAsync(org);
        Assert.Equal(live.Metrics, (await system.Reports.YtdAsync(org, 2024, "2024-12-31")).Metrics);
        Assert.Equal(9, rebuilt.Metrics["litigation.first_instance_received"]);
        Assert.Equal(1.0 / 4, rebuilt.Metrics["litigation.loss_rate"], 12);

        var unknown = await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "no-such-source" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private static LitigationCaseChanged Version(Guid id, string org, long version) => new()
    {
        CaseId = id,
        Version = version,
        Org = org,
        Status = version >= 3 ? "CASE_STATUS_JUDGED" : "CASE_STATUS_OPEN",
        Instance = "INSTANCE_FIRST",
        FiledOn = new DateOnly(2024, 2, 1),
        Category = "ACT_CATEGORY_ADMINISTRATIVE_PENALTY",
        Notices = version >= 2 ? [new LitigationNoticeState(id, new DateOnly(2024, 2, 10), new DateOnly(2024, 2, 20), "APPEARANCE_DEPUTY", true)] : [],
        JudgedOn = version >= 3 ? new DateOnly(2024, 3, 1) : null,
        Judgment = version >= 3 ? "JUDGMENT_LOST" : null,
        ChangedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Waits until reporting holds every litigation case of <paramref name="org"/> at the version the litigation service has.</summary>
    private async Task WaitUntilLitigationAppliedAsync(string org)
    {
        var cases = new Dictionary<Guid, long>();
        await using (var litigation = new NpgsqlConnection(system.LitigationConnectionString))
        {
            await litigation.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT id, version FROM cases WHERE org = @org", litigation);
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
                "SELECT coalesce(sum(version), 0)::bigint FROM projected_cases WHERE source = 'litigation' AND case_id = ANY(@ids)", reporting);
            projected.Parameters.AddWithValue("ids", cases.Keys.ToArray());
            var applied = (long)(await projected.ExecuteScalarAsync())!;
            if (applied == cases.Values.Sum()) return;
            Assert.True(DateTime.UtcNow < deadline, $"reporting did not catch up with litigation: versions {applied} of {cases.Values.Sum()}");
            await Task.Delay(50);
        }
    }
}
