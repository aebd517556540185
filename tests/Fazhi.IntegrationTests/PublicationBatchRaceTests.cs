using System.Net.Http.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// A website's CMS sends its batches in parallel, all for the same organisation and the same few days: every batch is
/// recorded once, none is refused, and each day's tally (what reporting counts) equals the items sent for that day.
/// Before batches of one organisation took turns, all but one collided on a new day's tally and some answered 500.
/// </summary>
public sealed class PublicationBatchRaceTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410108";

    [Fact]
    public async Task Parallel_batches_for_one_organisation_and_the_same_days_are_all_recorded_and_counted_once()
    {
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        const int batches = 8, perBatch = 250;
        var answers = await Task.WhenAll(Enumerable.Range(0, batches).Select(async batch =>
        {
            var items = Enumerable.Range(0, perBatch).Select(i => new
            {
                requestId = Guid.NewGuid(), org = Org, publishedOn = $"2024-05-{i % 5 + 1:00}", category = "政策文件", title = $"公告 {batch}-{i}",
            });
            var response = await http.PostAsJsonAsync("v1/disclosure/publications:batchCreate", new { requests = items });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(answers, a => Assert.True(a.StatusCode == System.Net.HttpStatusCode.OK, $"{(int)a.StatusCode}: {a.Body}"));

        var ytd = await system.Reports.WaitForAsync(Org, 2024, "2024-12-31", y => y.Metrics["disclosure.proactively_published"] >= batches * perBatch);
        Assert.Equal(batches * perBatch, ytd.Metrics["disclosure.proactively_published"]);
        await Task.Delay(TimeSpan.FromSeconds(1));   // nothing more arrives later: each item counted once
        Assert.Equal(batches * perBatch, (await system.Reports.YtdAsync(Org, 2024, "2024-12-31")).Metrics["disclosure.proactively_published"]);
    }
}
