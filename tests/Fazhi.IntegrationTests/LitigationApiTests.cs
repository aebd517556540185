using System.Net;
using System.Net.Http.Json;
using Fazhi.Contracts.Litigation;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Google.Rpc;
using Grpc.Core;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// The litigation service on real PostgreSQL and RabbitMQ: illegal moves refused with their reason and nothing written,
/// safe retries of creates and notices, a court's case number taken once, corrections and voids moving the figures,
/// and the audit trail.
/// </summary>
public sealed class LitigationApiTests(LitigationSystem system) : IClassFixture<LitigationSystem>
{
    [Fact]
    public async Task Illegal_moves_are_refused_with_their_reason_and_write_nothing()
    {
        var c = await system.Lawsuits.FileAsync("410105", "2024-03-01");
        var notice = await system.Lawsuits.NoticeAsync(c.Id, "2024-03-10", "2024-03-20");
        await system.Lawsuits.JudgeAsync(c.Id, "2024-04-01", Judgment.Won);
        var outboxBefore = await OutboxRowsAsync();

        await Refused("NOTICE_NOT_FOUND", system.Lawsuits.AppearAsync(c.Id, Guid.NewGuid().ToString(), Appearance.Principal));
        await Refused("JUDGMENT_ALREADY_RECORDED", system.Lawsuits.JudgeAsync(c.Id, "2024-04-02", Judgment.Lost));
        await Refused("CASE_JUDGED", system.Lawsuits.NoticeAsync(c.Id, "2024-04-05", "2024-04-20"));
        await Refused("EXCUSE_REQUIRED", system.Lawsuits.AppearAsync(c.Id, notice.NoticeId, Appearance.StaffExcused));

        var other = await system.Lawsuits.FileAsync("410105", "2024-03-01");
        await Refused("HEARING_TOO_SOON", system.Lawsuits.NoticeAsync(other.Id, "2024-03-10", "2024-03-12"));
        await Refused("DATE_OUT_OF_ORDER", system.Lawsuits.NoticeAsync(other.Id, "2024-02-10", "2024-03-12"));
        await Refused("DATE_OUT_OF_ORDER", system.Lawsuits.JudgeAsync(other.Id, "2024-02-29", Judgment.Won));
        await Refused("DATE_IN_FUTURE", system.Lawsuits.FileAsync("410105", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd")));

        var unknown = await Assert.ThrowsAsync<RpcException>(() => system.Lawsuits.JudgeAsync(Guid.NewGuid().ToString(), "2024-04-02", Judgment.Lost));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);

        var after = await system.Lawsuits.Client.GetCaseAsync(new GetCaseRequest { Id = c.Id });
        Assert.Equal(3, after.Version);
        Assert.Equal(Appearance.Unspecified, after.Notices.Single().Appearance);
        Assert.Equal(outboxBefore + 1, await OutboxRowsAsync()); // only the second case's creation

        // Over JSON the refusal is HTTP 400 FAILED_PRECONDITION naming its reason.
        var http = system.Litigation.Http(FazhiSystem.Token(FazhiRoles.LitigationLiaison, "410105"));
        using var response = await http.PostAsJsonAsync($"v1/litigation/cases/{c.Id}:record-judgment", new { judgedOn = "2024-04-02", judgment = "JUDGMENT_LOST" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JUDGMENT_ALREADY_RECORDED", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_creates_and_notices_are_safe_retries_and_a_case_number_is_taken_once_per_court()
    {
        var create = LitigationApi.NewCase("410105", "2024-03-01");
        var first = await system.Lawsuits.Client.CreateCaseAsync(create);
        var again = await system.Lawsuits.Client.CreateCaseAsync(create);
        Assert.Equal(first.Id, again.Id);

        var reused = create.Clone();
        reused.Defendant = "另一个被告";
        Assert.Equal("REQUEST_ID_REUSED", await Reason(StatusCode.AlreadyExists, system.Lawsuits.Client.CreateCaseAsync(reused).ResponseAsync));

        var sameNumber = create.Clone();
        sameNumber.RequestId = Guid.NewGuid().ToString();
        Assert.Equal("CASE_NUMBER_TAKEN", await Reason(StatusCode.AlreadyExists, system.Lawsuits.Client.CreateCaseAsync(sameNumber).ResponseAsync));
        // The same number at another court is another lawsuit.
        sameNumber.Court = "郑州铁路运输法院";
        Assert.NotEqual(first.Id, (await system.Lawsuits.Client.CreateCaseAsync(sameNumber)).Id);

        var requestId = Guid.NewGuid().ToString();
        var notice = await system.Lawsuits.NoticeAsync(first.Id, "2024-03-10", "2024-03-20", requestId);
        var repeated = await system.Lawsuits.NoticeAsync(first.Id, "2024-03-10", "2024-03-20", requestId);
        Assert.Equal(notice.NoticeId, repeated.NoticeId);
        Assert.Equal(2, repeated.Version);
        Assert.Single((await system.Lawsuits.Client.GetCaseAsync(new GetCaseRequest { Id = first.Id })).Notices);
        Assert.Equal("REQUEST_ID_REUSED",
            await Reason(StatusCode.AlreadyExists, system.Lawsuits.NoticeAsync(first.Id, "2024-03-11", "2024-03-20", requestId)));
    }

    [Fact]
    public async Task A_correction_moves_the_counts_and_a_void_removes_them_with_a_history_of_both()
    {
        const string org = "410171";
        var c = await system.Lawsuits.FileAsync(org, "2024-02-10");
        var notice = await system.Lawsuits.NoticeAsync(c.Id, "2024-02-20", "2024-03-01");
        await system.Lawsuits.AppearAsync(c.Id, notice.NoticeId, Appearance.Deputy, spoke: true);
        await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["litigation.appearances"] == 1);

        // Entered as a first-instance case filed in 2024; it was an appeal filed in December 2023, and the 正职 appeared.
        var corrected = await system.Lawsuits.Client.CorrectCaseAsync(new CorrectCaseRequest
        {
            Id = c.Id, Reason = "一审二审录错", Instance = Instance.Second, FiledOn = "2023-12-28",
            Notices = { new NoticeCorrection { NoticeId = notice.NoticeId, Appearance = Appearance.Principal } },
        });
        Assert.Equal(4, corrected.Version);
        var ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["litigation.principal_appearances"] == 1);
        Assert.Equal(0, ytd.Metrics["litigation.first_instance_received"]);
        Assert.Equal(1, ytd.Metrics["litigation.notices"]);
        Assert.Equal(1, ytd.Metrics["litigation.appearances"]);
        Assert.Equal(0, (await system.Reports.YtdAsync(org, 2023, "2023-12-31")).Metrics["litigation.first_instance_received"]);

        await system.Lawsuits.Client.VoidCaseAsync(new VoidCaseRequest { Id = c.Id, Reason = "重复录入" });
        ytd = await system.Reports.WaitForAsync(org, 2024, "2024-12-31", y => y.Metrics["litigation.notices"] == 0);
        Assert.Equal(0, ytd.Metrics["litigation.appearances"]);

        var history = await system.Lawsuits.Client.GetCaseHistoryAsync(new GetCaseRequest { Id = c.Id });
        Assert.Equal(["CreateCase", "AddNotice", "RecordAppearance", "CorrectCase", "VoidCase"], history.Entries.Select(e => e.Action));
        Assert.Equal("一审二审录错", history.Entries[3].Reason);
        Assert.Contains(history.Entries[3].Changes, change => change.Field == "instance");
    }

    [Fact]
    public async Task Lists_hold_the_callers_cases_page_by_page()
    {
        const string org = "410172";
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await system.Lawsuits.FileAsync(org, "2024-01-05", i == 2 ? Instance.Retrial : Instance.First)).Id);
        var page = await system.Lawsuits.Client.ListCasesAsync(new ListCasesRequest { Org = org, PageSize = 2 });
        var rest = await system.Lawsuits.Client.ListCasesAsync(new ListCasesRequest { Org = org, PageSize = 2, PageToken = page.NextPageToken });
        Assert.Equal(ids, page.Cases.Concat(rest.Cases).Select(c => c.Id));
        Assert.Equal("", rest.NextPageToken);
        var retrials = await system.Lawsuits.Client.ListCasesAsync(new ListCasesRequest { Org = org, Instance = Instance.Retrial });
        Assert.Equal(ids[2], Assert.Single(retrials.Cases).Id);
    }

    private async Task<long> OutboxRowsAsync()
    {
        await using var connection = new NpgsqlConnection(system.LitigationConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task Refused(string reason, Task call) => Assert.Equal(reason, await Reason(StatusCode.FailedPrecondition, call));

    private static async Task<string?> Reason(StatusCode expected, Task call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(expected, error.StatusCode);
        return error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason;
    }
}
