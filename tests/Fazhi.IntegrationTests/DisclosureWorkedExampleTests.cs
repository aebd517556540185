using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.Reporting.Figures;
using Fazhi.ServiceDefaults.Auth;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// 金水区 2023, disclosure (docs/domain.md, "Worked example"): 11,845 items published (through batchCreate, as a CMS
/// sends them), 313 requests received, 8 carried in from 2022, 313 concluded. Row 四 is then 8: the hand-kept report's
/// 7 did not balance. Logged through the public JSON API as docs/api.md writes the routes, with 补正, extensions,
/// every applicant column and outcomes spread over table 三's rows.
/// </summary>
public sealed class DisclosureWorkedExampleTests(DisclosureSystem system) : IClassFixture<DisclosureSystem>
{
    private const string Org = "410105";
    private const string OtherOrg = "410103";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Applicants =
    [
        "APPLICANT_TYPE_NATURAL_PERSON", "APPLICANT_TYPE_COMMERCIAL_ENTERPRISE", "APPLICANT_TYPE_RESEARCH_INSTITUTION",
        "APPLICANT_TYPE_SOCIAL_WELFARE_ORGANIZATION", "APPLICANT_TYPE_LEGAL_SERVICE_ORGANIZATION", "APPLICANT_TYPE_OTHER_ORGANIZATION",
    ];
    private static readonly string[] Outcomes =
        ["OUTCOME_DISCLOSED", "OUTCOME_PARTIALLY_DISCLOSED", "OUTCOME_WITHHELD_THIRD_PARTY", "OUTCOME_UNAVAILABLE_NOT_HELD", "OUTCOME_NOT_PROCESSED_DUPLICATE"];

    [Fact]
    public async Task Year_2023_of_jinshui_district_balances_table_three_with_eight_carried_out()
    {
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        using var gate = new SemaphoreSlim(8);
        async Task Throttled(Func<Task> work)
        {
            await gate.WaitAsync();
            try { await work(); } finally { gate.Release(); }
        }

        // Proactive disclosure: 11,845 items in 2023 in batches of up to 1,000, and 40 in 2022 that must not count.
        var items = Enumerable.Range(0, 11845).Select(i => Item(new DateOnly(2023, 1, 1).AddDays(i % 365))).ToList();
        var batches = items.Chunk(1000).ToList();
        foreach (var batch in batches) await PostAsync(http, "v1/disclosure/publications:batchCreate", new { requests = batch });
        await PostAsync(http, "v1/disclosure/publications:batchCreate", new { requests = Enumerable.Range(0, 40).Select(i => Item(new DateOnly(2022, 6, 1).AddDays(i))).ToList() });
        // The CMS retries a batch whose answer it lost: the same publications come back and nothing is counted twice.
        var retried = await PostAsync<JsonElement>(http, "v1/disclosure/publications:batchCreate", new { requests = batches[0] });
        Assert.Equal(1000, retried.GetProperty("publications").GetArrayLength());

        // 2022: 20 requests, 12 answered in 2022, 8 still open on 31 December (carried in).
        var lastYear = Enumerable.Range(0, 20).Select(i => Throttled(async () =>
        {
            var receivedOn = new DateOnly(2022, 11, 1).AddDays(i * 2);
            var id = await ReceiveAsync(http, receivedOn, Applicants[i % Applicants.Length]);
            var concludedOn = i < 12 ? receivedOn.AddDays(10) : new DateOnly(2023, 1, 10).AddDays(i);
            if (i == 13) await PostAsync(http, $"v1/disclosure/requests/{id}:extend", new { on = D(receivedOn.AddDays(20)), reason = "需要征求第三方意见" });
            await ConcludeAsync(http, id, concludedOn, Outcomes[i % Outcomes.Length]);
        }));

        // 2023: 313 received; 305 concluded in 2023, 8 still open on 31 December. Some sent back for 补正, some extended.
        var thisYear = Enumerable.Range(0, 313).Select(i => Throttled(async () =>
        {
            var receivedOn = new DateOnly(2023, 1, 3).AddDays(i);
            var id = await ReceiveAsync(http, receivedOn, Applicants[i % Applicants.Length]);
            if (i % 25 == 0)
            {
                await PostAsync(http, $"v1/disclosure/requests/{id}:request-clarification", new { on = D(receivedOn.AddDays(2)) });
                await PostAsync(http, $"v1/disclosure/requests/{id}:clarified", new { on = D(receivedOn.AddDays(6)) });
            }
            if (i % 30 == 1) await PostAsync(http, $"v1/disclosure/requests/{id}:extend", new { on = D(receivedOn.AddDays(10)), reason = "申请内容复杂" });
            if (i < 305) await ConcludeAsync(http, id, receivedOn.AddDays(14), Outcomes[i % Outcomes.Length]);
        }));
        await Task.WhenAll(lastYear.Concat(thisYear));

        var ytd = await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["disclosure.proactively_published"] == 11845 && y.Metrics["disclosure.requests_received"] == 313
            && y.Metrics["disclosure.requests_concluded"] == 313, TimeSpan.FromSeconds(60));
        var m = ytd.Metrics;
        Assert.Equal(11845, m["disclosure.proactively_published"]);
        Assert.Equal(313, m["disclosure.requests_received"]);
        Assert.Equal(8, m["disclosure.requests_carried_in"]);
        Assert.Equal(313, m["disclosure.requests_concluded"]);
        Assert.Equal(8, m["disclosure.requests_carried_out"]);   // not the 7 the hand-kept report printed
        Assert.Equal(313, Outcomes.Sum(o => m["disclosure.outcome." + o["OUTCOME_".Length..].ToLowerInvariant()]));
        Assert.Equal(0, m["disclosure.outcome.withheld_state_secret"]);

        // 一 + 二 = 三 + 四 in every column, and the columns add up to the totals.
        foreach (var suffix in DisclosureMetrics.Columns.Select(c => "." + c).Prepend(""))
        {
            Assert.Equal(m["disclosure.requests_received" + suffix] + m["disclosure.requests_carried_in" + suffix],
                m["disclosure.requests_concluded" + suffix] + m["disclosure.requests_carried_out" + suffix]);
        }
        foreach (var row in new[] { "requests_received", "requests_carried_in", "requests_concluded", "requests_carried_out" })
            Assert.Equal(m["disclosure." + row], DisclosureMetrics.Columns.Sum(c => m[$"disclosure.{row}.{c}"]));
        Assert.Equal(53, m["disclosure.requests_received.natural_person"]);   // 313 spread over 6 columns: 53 + 5 × 52

        // 2022's own figures: 20 received, none carried in, 12 concluded, 8 carried out: 2023's carried in.
        var y2022 = await system.Reports.YtdAsync(Org, 2022, "2022-12-31");
        Assert.Equal(40, y2022.Metrics["disclosure.proactively_published"]);
        Assert.Equal(20, y2022.Metrics["disclosure.requests_received"]);
        Assert.Equal(0, y2022.Metrics["disclosure.requests_carried_in"]);
        Assert.Equal(8, y2022.Metrics["disclosure.requests_carried_out"]);
    }

    [Fact]
    public async Task A_batch_with_bad_items_is_refused_whole_naming_each_item()
    {
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        var batch = Enumerable.Range(0, 10).Select(i => (object)Item(new DateOnly(2024, 3, 1))).ToList();
        batch[3] = new { requestId = Guid.NewGuid(), org = Org, publishedOn = "2024-02-30", category = "政策文件", title = "关于…的通知" };
        batch[7] = new { requestId = Guid.NewGuid(), org = Org, publishedOn = "2024-03-01", category = "政策文件", title = "" };

        using var response = await http.PostAsJsonAsync("v1/disclosure/publications:batchCreate", new { requests = batch }, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = body.GetProperty("details").EnumerateArray()
            .Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest")
            .GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "requests[3].publishedOn", "requests[7].title" }, fields);
        var ytd = await system.Reports.YtdAsync(Org, 2024, "2024-12-31");
        Assert.Equal(0, ytd.Metrics["disclosure.proactively_published"]);

        // A requestId reused for a different item refuses the batch too, naming the item.
        var first = Item(new DateOnly(2024, 4, 1));
        await PostAsync(http, "v1/disclosure/publications", first);
        var reused = new { first.requestId, org = Org, publishedOn = "2024-04-01", category = "政策文件", title = "另一份文件" };
        using var conflict = await http.PostAsJsonAsync("v1/disclosure/publications:batchCreate",
            new { requests = new object[] { Item(new DateOnly(2024, 4, 2)), reused } }, Json);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("requests[1]", await conflict.Content.ReadAsStringAsync());
        var after = await system.Reports.WaitForAsync(Org, 2024, "2024-12-31", y => y.Metrics["disclosure.proactively_published"] == 1);
        Assert.Equal(1, after.Metrics["disclosure.proactively_published"]);
    }

    [Fact]
    public async Task A_request_shows_its_due_date_explained_and_whether_it_is_overdue()
    {
        // Another district's request: the worked example's 2023 figures are 金水区's alone.
        var http = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, OtherOrg));
        var id = await ReceiveAsync(http, new DateOnly(2023, 1, 19), Applicants[0], OtherOrg);

        var request = await http.GetFromJsonAsync<JsonElement>($"v1/disclosure/requests/{id}", Json);

        Assert.Equal("2023-02-21", request.GetProperty("dueOn").GetString());   // past the 2023 Spring Festival, 28–29 January worked
        Assert.True(request.GetProperty("overdue").GetBoolean());
        var skipped = request.GetProperty("dueExplanation").GetProperty("skippedDays").EnumerateArray()
            .Select(s => (s.GetProperty("date").GetString(), s.GetProperty("reason").GetString())).ToList();
        Assert.Contains(("2023-01-23", "春节"), skipped);
        var history = await http.GetFromJsonAsync<JsonElement>($"v1/disclosure/requests/{id}/history", Json);
        Assert.Equal("CreateRequest", history.GetProperty("entries")[0].GetProperty("action").GetString());
    }

    private static Publication Item(DateOnly publishedOn) => new(Guid.NewGuid(), Org, D(publishedOn), "政策文件", $"金水区政府信息 {Guid.NewGuid():N}");

    private sealed record Publication(Guid requestId, string org, string publishedOn, string category, string title);

    private sealed record Created(string Id);

    private static async Task<string> ReceiveAsync(HttpClient http, DateOnly receivedOn, string applicantType, string org = Org) =>
        (await PostAsync<Created>(http, "v1/disclosure/requests", new
        {
            requestId = Guid.NewGuid(), org, receivedOn = D(receivedOn), applicantType, subject = "申请公开某项目的审批文件",
        })).Id;

    private static Task ConcludeAsync(HttpClient http, string id, DateOnly concludedOn, string outcome) =>
        PostAsync(http, $"v1/disclosure/requests/{id}:conclude", new { concludedOn = D(concludedOn), outcome });

    private static async Task PostAsync(HttpClient http, string path, object body) => await PostAsync<JsonElement>(http, path, body);

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
