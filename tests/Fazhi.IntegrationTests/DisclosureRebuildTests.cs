using System.Net.Http.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// Reporting's disclosure figures reset and rebuilt from a re-publish: requests and publication days come back with the
/// same figures, and a second re-publish on top counts nothing twice (each state replaces its earlier version).
/// </summary>
public sealed class DisclosureRebuildTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410105";

    [Fact]
    public async Task Resetting_and_republishing_disclosure_rebuilds_the_same_figures_and_a_second_republish_changes_nothing()
    {
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        for (var batch = 0; batch < 3; batch++)
        {
            var items = Enumerable.Range(0, 100).Select(i => new
            {
                requestId = Guid.NewGuid(), org = Org, publishedOn = $"2024-03-{i % 7 + 1:00}", category = "政策文件", title = $"通知 {batch}-{i}",
            });
            (await http.PostAsJsonAsync("v1/disclosure/publications:batchCreate", new { requests = items })).EnsureSuccessStatusCode();
        }
        for (var i = 0; i < 10; i++)
        {
            var created = await http.PostAsJsonAsync("v1/disclosure/requests", new
            {
                requestId = Guid.NewGuid(), org = Org, receivedOn = $"2024-04-{i + 1:00}", applicantType = "APPLICANT_TYPE_COMMERCIAL_ENTERPRISE", subject = "x",
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<Created>())!.Id;
            if (i < 7) (await http.PostAsJsonAsync($"v1/disclosure/requests/{id}:conclude", new { concludedOn = $"2024-04-{i + 15:00}", outcome = "OUTCOME_DISCLOSED" })).EnsureSuccessStatusCode();
        }
        static bool Complete(ReportingApi.Ytd y) =>
            y.Metrics["disclosure.proactively_published"] == 300 && y.Metrics["disclosure.requests_received"] == 10 && y.Metrics["disclosure.requests_concluded"] == 7;
        var live = await system.Reports.WaitForAsync(Org, 2024, "2024-12-31", Complete);
        Assert.True(Complete(live));

        var admin = FazhiSystem.Token(FazhiRoles.Administrator, "41");
        var reset = await system.Reporting.Http(admin).PostAsJsonAsync("v1/reports/admin:reset", new { source = "disclosure" });
        Assert.True(reset.IsSuccessStatusCode, await reset.Content.ReadAsStringAsync());
        Assert.Equal(0, (await system.Reports.YtdAsync(Org, 2024, "2024-12-31")).Metrics["disclosure.proactively_published"]);

        var republished = await system.Disclosure.Http(admin).PostAsJsonAsync("v1/disclosure/admin:republish", new { pageSize = 4 });
        Assert.True(republished.IsSuccessStatusCode, await republished.Content.ReadAsStringAsync());
        Assert.Equal(10 + 7, (await republished.Content.ReadFromJsonAsync<Republished>())!.Cases);   // 10 requests, 7 publication days
        var rebuilt = await system.Reports.WaitForAsync(Org, 2024, "2024-12-31", Complete);
        Assert.Equal(live.Metrics, rebuilt.Metrics);

        (await system.Disclosure.Http(admin).PostAsJsonAsync("v1/disclosure/admin:republish", new { })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3));   // the second re-publish's pages have reached reporting by then
        Assert.Equal(live.Metrics, (await system.Reports.YtdAsync(Org, 2024, "2024-12-31")).Metrics);
        Assert.Equal(3, live.Metrics["disclosure.requests_carried_out.commercial_enterprise"]);
    }

    private sealed record Created(string Id);

    private sealed record Republished(long Cases, int Messages);
}
