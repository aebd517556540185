using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Fazhi.Contracts.Reporting;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Grpc.Core;
using Xunit;

namespace Fazhi.Dashboard.Tests;

/// <summary>WatchYearToDate over gRPC and as server-sent events, against the real services.</summary>
public sealed class WatchYearToDateTests(FazhiSystem system) : IClassFixture<FazhiSystem>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private Reports.ReportsClient Reports(string org) => new(system.Reporting.Grpc(FazhiSystem.Token(FazhiRoles.StatisticsViewer, org)));

    [Fact]
    public async Task Stream_sends_the_snapshot_at_once_then_a_new_one_when_a_case_changes_the_figures()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        using var call = Reports("4101").WatchYearToDate(new WatchYearToDateRequest { Org = "410107", Year = 2023 }, cancellationToken: timeout.Token);
        var stream = call.ResponseStream;

        Assert.True(await stream.MoveNext(timeout.Token));
        var first = stream.Current;
        Assert.Equal("410107", first.Org);
        Assert.Equal("2023-12-31", first.AsOf);
        Assert.Equal("2022-12-31", first.PreviousAsOf);
        Assert.Equal(0, first.Metrics["reconsideration.received"]);

        // A case of another district changes nothing this watch shows: no snapshot for it. It is in the figures
        // (the city's) before the watched district's case is logged, so the next snapshot can only be that one's.
        await system.Cases.ReceiveAsync("410108", "2023-04-03");
        await system.Reports.WaitForAsync("410108", 2023, "2023-12-31", y => y.Metrics["reconsideration.received"] == 1);

        var created = await system.Cases.ReceiveAsync("410107", "2023-05-08");
        var accepted = await system.Cases.AcceptAsync(created.Id, "2023-05-09");
        Assert.True(await stream.MoveNext(timeout.Token));
        var second = stream.Current;
        Assert.Equal(1, second.Metrics["reconsideration.received"]);

        // Until the acceptance has arrived too (it may come in the same snapshot or the next one).
        while (second.Metrics["reconsideration.accepted"] != 1)
        {
            Assert.True(await stream.MoveNext(timeout.Token));
            Assert.NotEqual(second, stream.Current);
            second = stream.Current;
        }
        Assert.Equal(1, second.Metrics["reconsideration.pending"]);
        Assert.Equal(2, accepted.Version);
    }

    [Fact]
    public async Task Stream_refuses_an_organisation_outside_the_callers_scope_and_bad_input()
    {
        using var outside = Reports("410105").WatchYearToDate(new WatchYearToDateRequest { Org = "410102", Year = 2023 });
        var denied = await Assert.ThrowsAsync<RpcException>(() => outside.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        using var future = Reports("41").WatchYearToDate(new WatchYearToDateRequest { Org = "4101x", Year = 2999 });
        var invalid = await Assert.ThrowsAsync<RpcException>(() => future.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("year", invalid.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_route_needs_a_bearer_token()
    {
        var anonymous = system.Reporting.Http(null);
        using var response = await anonymous.GetAsync("/v1/reports/410105/years/2023:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("TOKEN_MISSING", body.RootElement.GetProperty("details")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Events_route_refuses_another_organisation_and_bad_input_as_json_errors()
    {
        var district = system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "410105"));
        using var outside = await district.GetAsync("/v1/reports/410102/years/2023:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Contains("ORG_OUT_OF_SCOPE", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var bad = await district.GetAsync("/v1/reports/410105/years/20x3:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"field\":\"year\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_route_streams_the_ytd_json_as_server_sent_events()
    {
        var http = system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/reports/410109/years/2023:watch");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var timeout = new CancellationTokenSource(Patience * 2);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextEventAsync(reader, timeout.Token);
        var ytd = await system.Reports.YtdAsync("410109", 2023);
        // The same JSON field names as the :ytd route.
        Assert.Equal(ytd.Org, first.GetProperty("org").GetString());
        Assert.Equal(ytd.AsOf, first.GetProperty("asOf").GetString());
        Assert.Equal(ytd.Metrics.Count, first.GetProperty("metrics").EnumerateObject().Count());
        Assert.Equal(0, first.GetProperty("previousPeriod").GetProperty("reconsideration.received").GetDouble());

        await system.Cases.ReceiveAsync("410109", "2023-07-03");
        var second = await NextEventAsync(reader, timeout.Token);
        Assert.Equal(1, second.GetProperty("metrics").GetProperty("reconsideration.received").GetDouble());
    }

    [Fact]
    public async Task Monthly_route_gives_each_month_of_the_year_and_of_the_year_before()
    {
        await system.Cases.ReceiveAsync("410110", "2022-02-14");
        await system.Cases.ReceiveAsync("410110", "2023-02-01");
        await system.Cases.ReceiveAsync("410110", "2023-02-28");
        await system.Cases.ReceiveAsync("410110", "2023-11-30");
        await system.Reports.WaitForAsync("410110", 2023, "2023-12-31", y => y.Metrics["reconsideration.received"] == 3);

        var monthly = await Reports("4101").GetMonthlyAsync(new GetMonthlyRequest { Org = "410110", Year = 2023, Metrics = { "reconsideration.received" } });
        var series = Assert.Single(monthly.Series);
        Assert.Equal([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], series.Current);
        Assert.Equal([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], series.Previous);

        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await Reports("4101").GetMonthlyAsync(new GetMonthlyRequest { Org = "410110", Year = 2023, Metrics = { "reconsideration.nothing" } }));
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
    }

    /// <summary>The data of the next "ytd" event, skipping keep-alive comments.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == "ytd" && data is not null) return JsonDocument.Parse(data).RootElement.Clone();
                (name, data) = (null, null);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line["data: ".Length..];
        }
        throw new EndOfStreamException("the event stream ended");
    }
}
