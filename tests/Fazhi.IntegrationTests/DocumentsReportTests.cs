using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Litigation;
using Fazhi.Contracts.Reconsideration;
using Fazhi.Disclosure.Extensions;
using Fazhi.Disclosure.Infrastructure;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Fazhi.ServiceDefaults.Hosting;
using Grpc.Core;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// The annual report and the disclosure report through the public APIs: a year of 金水区 logged in reconsideration,
/// litigation and disclosure, then read as JSON (:annual, :disclosure-report, next to :ytd) and as the printable page.
/// </summary>
public sealed class DocumentsReportTests(DocumentsSystem system) : IClassFixture<DocumentsSystem>, IAsyncLifetime
{
    private const string Org = "410105";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Viewer => system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101"));

    public async Task InitializeAsync()
    {
        // One year for every test of the class, logged once.
        await system.YearGate.WaitAsync();
        try
        {
            if (!system.YearLogged) await LogYearAsync();
            system.YearLogged = true;
        }
        finally
        {
            system.YearGate.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_annual_report_writes_the_years_sentences_from_the_logged_cases()
    {
        var annual = await GetJsonAsync(Viewer, $"v1/reports/{Org}/years/2025:annual");

        Assert.True(annual.GetProperty("complete").GetBoolean());
        Assert.Equal("2025-12-31", annual.GetProperty("asOf").GetString());
        Assert.Equal("2024-12-31", annual.GetProperty("previousAsOf").GetString());
        string[] expected =
        [
            "2025年全区共新增行政复议案件5件，受理行政复议5件，结案5件（含上年度转结案件），直接纠错率40.0%。",
            "全年新增一审行政应诉案件3起，较去年同期下降25%。",
            "行政负责人出庭案件共2起，占收到行政机关负责人出庭通知总数的67%。",
            "全年评查执法案卷0卷，累计查摆整改问题0条。",
            "全年主动公开政府信息5条，收到政府信息公开申请3件，上年结转0件，办结2件，结转下年度继续办理1件。",
        ];
        Assert.Equal(expected, annual.GetProperty("sentences").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(string.Concat(expected), annual.GetProperty("text").GetString());
        Assert.Equal(5, annual.GetProperty("metrics").GetProperty("reconsideration.decided").GetDouble());
        Assert.Equal(4, annual.GetProperty("previousPeriod").GetProperty("litigation.first_instance_received").GetDouble());
        Assert.Equal(4, annual.GetProperty("disclosure").GetProperty("table4").GetProperty("reconsideration").GetProperty("total").GetInt32());
        // :annual, :disclosure-report and :ytd are routes of two services on one path: each answers its own, and the
        // annual report's metrics are the YTD report's at 31 December.
        var ytd = await system.Reports.YtdAsync(Org, 2025, "2025-12-31");
        Assert.Equal(ytd.Metrics.OrderBy(m => m.Key),
            annual.GetProperty("metrics").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetDouble())).OrderBy(m => m.Key));

        // The city sums its districts and is 全市; the year still running says so.
        var city = await GetJsonAsync(Viewer, "v1/reports/4101/years/2025:annual");
        Assert.StartsWith("2025年全市共新增行政复议案件5件", city.GetProperty("sentences")[0].GetString());
        var thisYear = DateTime.UtcNow.AddHours(8).Year;
        var running = await GetJsonAsync(Viewer, $"v1/reports/{Org}/years/{thisYear}:annual");
        Assert.False(running.GetProperty("complete").GetBoolean());
        Assert.StartsWith($"{thisYear}年（截至", running.GetProperty("sentences")[0].GetString());
    }

    [Fact]
    public async Task The_disclosure_report_has_tables_two_three_and_four_as_json()
    {
        var report = await GetJsonAsync(Viewer, $"v1/reports/{Org}/years/2025:disclosure-report");

        Assert.False(report.GetProperty("table2Reported").GetBoolean());
        Assert.Equal(0, report.GetProperty("table2").GetProperty("rulesIssued").GetInt32());
        Assert.True(report.GetProperty("balanced").GetBoolean());
        var table3 = report.GetProperty("table3");
        Assert.Empty(table3.GetProperty("violations").EnumerateArray());
        Assert.Equal(7, table3.GetProperty("columns").GetArrayLength());
        var rows = table3.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("values"));
        Assert.Equal(25, rows.Count);
        Assert.Equal(3, rows["received"].GetProperty("total").GetInt32());
        Assert.Equal(2, rows["received"].GetProperty("natural_person").GetInt32());
        Assert.Equal(1, rows["outcome.withheld_third_party"].GetProperty("commercial_enterprise").GetInt32());
        Assert.Equal(1, rows["outcome.disclosed"].GetProperty("total").GetInt32());
        Assert.Equal(1, rows["carried_out"].GetProperty("natural_person").GetInt32());

        var table4 = report.GetProperty("table4");
        Assert.Equal((1, 1, 1, 1, 4), Cells(table4.GetProperty("reconsideration")));
        Assert.Equal((1, 0, 0, 0, 1), Cells(table4.GetProperty("litigationDirect")));
        // The lawsuit where this district is sued as the reconsideration body (共同被告) is left to the original body.
        Assert.Equal((0, 1, 0, 0, 1), Cells(table4.GetProperty("litigationAfterReconsideration")));
    }

    [Fact]
    public async Task The_printable_page_is_html_with_the_templates_headings_and_needs_a_token_in_scope()
    {
        var path = $"v1/reports/{Org}/years/2025/disclosure-report.html";
        using var page = await Viewer.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        foreach (var heading in (string[])["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "复议后起诉"])
            Assert.Contains(heading, html);

        using var anonymous = await system.Reporting.Http(null).GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var otherCity = await system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4102")).GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, otherCity.StatusCode);
        Assert.Contains("ORG_OUT_OF_SCOPE", await otherCity.Content.ReadAsStringAsync());
        using var future = await Viewer.GetAsync($"v1/reports/{Org}/years/2999/disclosure-report.html");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        using var json = await system.Reporting.Http(null).GetAsync($"v1/reports/{Org}/years/2025:disclosure-report");
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
    }

    [Fact]
    public async Task Only_a_lawsuit_after_a_reconsideration_can_have_the_reconsideration_body_as_co_defendant()
    {
        var request = LitigationApi.NewCase(Org, "2025-05-01");
        request.ReconsiderationBodyCoDefendant = true;

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await system.Lawsuits.Client.CreateCaseAsync(request));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("reconsiderationBodyCoDefendant", refused.Status.Detail);
    }

    private static (int, int, int, int, int) Cells(JsonElement group) => (
        group.GetProperty("upheld").GetInt32(), group.GetProperty("corrected").GetInt32(), group.GetProperty("other").GetInt32(),
        group.GetProperty("pending").GetInt32(), group.GetProperty("total").GetInt32());

    /// <summary>
    /// 2025 in 金水区: five reconsiderations (four about disclosure) and one carried in from 2024; three first-instance
    /// lawsuits about disclosure against 2024's four; three disclosure requests and five publications.
    /// </summary>
    private async Task LogYearAsync()
    {
        var cases = system.Cases;
        var carriedIn = await cases.ReceiveAsync(Org, "2024-12-20");
        await cases.AcceptAsync(carriedIn.Id, "2024-12-23");
        await cases.DecideAsync(carriedIn.Id, "2025-02-10", Decision.Maintain);
        foreach (var decision in (Decision?[])[Decision.Maintain, Decision.Revoke, Decision.DismissApplication, null])
        {
            var c = await cases.ReceiveAsync(Org, "2025-03-03", ActCategory.InformationDisclosure);
            await cases.AcceptAsync(c.Id, "2025-03-04");
            if (decision is { } d) await cases.DecideAsync(c.Id, "2025-04-10", d);
        }
        await cases.DecidedCaseAsync(Org, "2025-03-05", "2025-03-06", "2025-04-11", Decision.Revoke);

        for (var i = 0; i < 4; i++) await system.Lawsuits.FileAsync(Org, $"2024-06-{i + 1:00}");
        var direct = await FileAsync("2025-03-01", after: false, coDefendant: false);
        var afterReconsideration = await FileAsync("2025-03-02", after: true, coDefendant: false);
        var asReconsiderationBody = await FileAsync("2025-03-03", after: true, coDefendant: true);
        foreach (var (lawsuit, appearance, day) in new[] { (direct, Appearance.Principal, 1), (afterReconsideration, Appearance.None, 2), (asReconsiderationBody, Appearance.Deputy, 3) })
        {
            var notice = await system.Lawsuits.NoticeAsync(lawsuit.Id, $"2025-04-0{day}", $"2025-04-1{day}");
            await system.Lawsuits.AppearAsync(lawsuit.Id, notice.NoticeId, appearance);
        }
        await system.Lawsuits.JudgeAsync(direct.Id, "2025-06-01", Judgment.Won);
        await system.Lawsuits.JudgeAsync(afterReconsideration.Id, "2025-07-01", Judgment.Lost);

        var disclosure = system.Disclosure.Http(FazhiSystem.Token(FazhiRoles.DisclosureOfficer, Org));
        await PostAsync(disclosure, "v1/disclosure/publications:batchCreate", new
        {
            requests = Enumerable.Range(1, 5).Select(i => new
            {
                requestId = Guid.NewGuid(), org = Org, publishedOn = $"2025-05-0{i}", category = "政策文件", title = $"金水区政府信息 {i}",
            }),
        });
        var disclosed = await RequestAsync(disclosure, "2025-04-01", "APPLICANT_TYPE_NATURAL_PERSON");
        await PostAsync(disclosure, $"v1/disclosure/requests/{disclosed}:conclude", new { concludedOn = "2025-04-10", outcome = "OUTCOME_DISCLOSED" });
        var withheld = await RequestAsync(disclosure, "2025-04-02", "APPLICANT_TYPE_COMMERCIAL_ENTERPRISE");
        await PostAsync(disclosure, $"v1/disclosure/requests/{withheld}:conclude", new { concludedOn = "2025-04-15", outcome = "OUTCOME_WITHHELD_THIRD_PARTY" });
        await RequestAsync(disclosure, "2025-12-29", "APPLICANT_TYPE_NATURAL_PERSON");

        var ytd = await system.Reports.WaitForAsync(Org, 2025, "2025-12-31", y =>
            y.Metrics["reconsideration.decided"] == 5 && y.Metrics["reconsideration.directly_corrected"] == 2 && y.Metrics["reconsideration.received"] == 5
            && y.Metrics["reconsideration.disclosure.pending"] == 1 && y.Metrics["reconsideration.disclosure.total"] == 4
            && y.Metrics["litigation.first_instance_received"] == 3 && y.Metrics["litigation.appearances"] == 2 && y.Metrics["litigation.notices"] == 3
            && y.Metrics["litigation.first_instance_judgments"] == 2 && y.PreviousPeriod["litigation.first_instance_received"] == 4
            && y.Metrics["disclosure.requests_received"] == 3 && y.Metrics["disclosure.requests_concluded"] == 2
            && y.Metrics["disclosure.proactively_published"] == 5, TimeSpan.FromSeconds(60));
        Assert.Equal(2, ytd.Metrics["disclosure.requests_concluded"]);
        Assert.Equal(2, ytd.Metrics["litigation.first_instance_judgments"]);
        Assert.Equal(4, ytd.Metrics["reconsideration.disclosure.total"]);
    }

    private async Task<LitigationCase> FileAsync(string filedOn, bool after, bool coDefendant)
    {
        var request = LitigationApi.NewCase(Org, filedOn);
        request.Category = ActCategory.InformationDisclosure;
        request.AfterReconsideration = after;
        request.ReconsiderationBodyCoDefendant = coDefendant;
        return await system.Lawsuits.Client.CreateCaseAsync(request);
    }

    private static async Task<string> RequestAsync(HttpClient http, string receivedOn, string applicantType) =>
        (await PostAsync(http, "v1/disclosure/requests", new
        {
            requestId = Guid.NewGuid(), org = Org, receivedOn, applicantType, subject = "申请公开某项目的审批文件",
        })).GetProperty("id").GetString()!;

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text, Json);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text, Json);
    }
}

/// <summary>Reconsideration, litigation and disclosure feeding one reporting service, for the report documents.</summary>
public sealed class DocumentsSystem : FazhiSystem, IAsyncLifetime
{
    private ServiceHost? _disclosure;

    protected override bool HostsLitigation => true;

    /// <summary>The tests' year is logged once, by whichever test comes first.</summary>
    public SemaphoreSlim YearGate { get; } = new(1, 1);
    public bool YearLogged { get; set; }

    public ServiceHost Disclosure => _disclosure ?? throw new InvalidOperationException("The disclosure service is not started.");
    private string DisclosureDatabase => SystemId + "_disclosure";

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _disclosure = await ServiceHost.StartAsync(
            builder => builder.AddDisclosureService(),
            app => app.MapDisclosureService(),
            host => host.MigrateAsync<DisclosureDbContext>(),
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = TestServers.DatabaseConnectionString(Servers, DisclosureDatabase),
                ["ConnectionStrings:RabbitMq"] = Amqp,
                ["Auth:DevSigningKey"] = SigningKey,
            });
    }

    public new async Task DisposeAsync()
    {
        if (_disclosure is not null)
        {
            await _disclosure.DisposeAsync();
            await TestServers.DropDatabaseAsync(Servers, DisclosureDatabase);
        }
        await base.DisposeAsync();
    }
}
