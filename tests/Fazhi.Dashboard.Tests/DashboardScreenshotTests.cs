using System.Globalization;
using Fazhi.Contracts.Common;
using Fazhi.Contracts.Disclosure;
using Fazhi.Contracts.Litigation;
using Fazhi.Contracts.Reconsideration;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.Dashboard.Tests;

/// <summary>
/// A year of work of all four services (and the year before) logged through the APIs, shown on the page,
/// photographed. The picture goes to the test output (dashboard.png) and, when FAZHI_DASHBOARD_SCREENSHOT names a
/// file, there too: the README's docs/images/dashboard.png is made this way (README.md, "Dashboard").
/// </summary>
public sealed class DashboardScreenshotTests(DemoSystem system, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<DemoSystem>, IClassFixture<Chromium>
{
    private const string Org = "410105";

    [Fact]
    public async Task Page_draws_a_year_of_figures_and_monthly_charts_in_Chinese()
    {
        var logged2023 = await LogYearAsync(2023, seed: 7);
        var logged2022 = await LogYearAsync(2022, seed: 3);
        await system.Reports.WaitForAsync(Org, 2023, "2023-12-31", y =>
            y.Metrics["reconsideration.received"] == logged2023.Reconsideration
            && y.Metrics["litigation.first_instance_received"] == logged2023.Litigation
            && y.PreviousPeriod["reconsideration.received"] == logged2022.Reconsideration
            && y.PreviousPeriod["litigation.first_instance_received"] == logged2022.Litigation
            && y.Metrics["enforcement.files_reviewed"] == logged2023.Reviews
            && y.Metrics["disclosure.requests_received"] == logged2023.Requests
            && y.PreviousPeriod["disclosure.requests_received"] == logged2022.Requests, TimeSpan.FromSeconds(60));

        var page = await chromium.NewPageAsync(1360, 900);
        var url = new Uri(system.Reporting.Http(null).BaseAddress!, $"/?org={Org}&year=2023#token={FazhiSystem.Token(FazhiRoles.StatisticsViewer, Org)}");
        await page.GotoAsync(url.ToString());
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.snapshots) >= 1");
        await page.WaitForSelectorAsync(".chart[data-chart='litigation.first_instance_received'] svg");

        Assert.Equal(logged2023.Reconsideration.ToString(CultureInfo.InvariantCulture),
            await page.InnerTextAsync("[data-metric='reconsideration.received'] .number"));
        Assert.Equal(logged2023.Litigation.ToString(CultureInfo.InvariantCulture),
            await page.InnerTextAsync("[data-metric='litigation.first_instance_received'] .number"));
        Assert.Equal(logged2023.Requests.ToString(CultureInfo.InvariantCulture),
            await page.InnerTextAsync("[data-metric='disclosure.requests_received'] .number"));
        Assert.EndsWith("%", await page.InnerTextAsync("[data-metric='reconsideration.direct_correction_rate'] .number"), StringComparison.Ordinal);
        Assert.Equal(["行政复议", "行政应诉", "执法监督", "政府信息公开"], await page.Locator("section h2").AllInnerTextsAsync());
        // Twelve months of last year beside this year's.
        Assert.Equal(12, await page.Locator(".chart[data-chart='reconsideration.received'] rect.bar-previous").CountAsync());
        Assert.Equal(12, await page.Locator(".chart[data-chart='reconsideration.received'] rect.bar-current").CountAsync());

        var picture = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = picture, FullPage = true });
        Assert.True(new FileInfo(picture).Length > 20_000, "the screenshot is (nearly) empty");
        output.WriteLine($"screenshot: {picture}");
        if (Environment.GetEnvironmentVariable("FAZHI_DASHBOARD_SCREENSHOT") is { Length: > 0 } copy)
        {
            File.Copy(picture, copy, overwrite: true);
            output.WriteLine($"copied to {copy}");
        }
    }

    private sealed record Logged(int Reconsideration, int Litigation, int Reviews, int Requests);

    /// <summary>A made-up but plausible year: cases every month, most decided, a few still pending; lawsuits with notices and judgments.</summary>
    private async Task<Logged> LogYearAsync(int year, int seed)
    {
        var random = new Random(seed);
        Decision[] decisions = [Decision.Maintain, Decision.Maintain, Decision.Maintain, Decision.Revoke, Decision.Modify, Decision.DismissRequest, Decision.ConfirmIllegal];
        var reconsideration = 0;
        var litigation = 0;
        var reviews = 0;
        var requests = 0;
        var department = await system.Reviews.DepartmentAsync(Org, year % 2 == 1 ? "金水区市场监督管理局" : "金水区城市管理局");
        ApplicantType[] applicants = [ApplicantType.NaturalPerson, ApplicantType.NaturalPerson, ApplicantType.NaturalPerson, ApplicantType.CommercialEnterprise, ApplicantType.OtherOrganization];
        Outcome[] outcomes = [Outcome.Disclosed, Outcome.Disclosed, Outcome.PartiallyDisclosed, Outcome.UnavailableNotHeld, Outcome.WithheldThirdParty];
        for (var month = 1; month <= 12; month++)
        {
            var cases = 3 + random.Next(7);
            for (var i = 0; i < cases; i++)
            {
                var received = new DateOnly(year, month, 1 + random.Next(20));
                var created = await system.Cases.ReceiveAsync(Org, Day(received));
                reconsideration++;
                if (random.Next(10) == 0) continue;
                await system.Cases.AcceptAsync(created.Id, Day(received.AddDays(3)));
                if (month == 12 && random.Next(2) == 0) continue;
                await system.Cases.DecideAsync(created.Id, Day(received.AddDays(20 + random.Next(25))), decisions[random.Next(decisions.Length)]);
            }
            var lawsuits = 1 + random.Next(4);
            for (var i = 0; i < lawsuits; i++)
            {
                var filed = new DateOnly(year, month, 1 + random.Next(20));
                var lawsuit = await system.Lawsuits.FileAsync(Org, Day(filed));
                litigation++;
                var notice = await system.Lawsuits.NoticeAsync(lawsuit.Id, Day(filed.AddDays(5)), Day(filed.AddDays(30)));
                var excused = random.Next(5) == 0;
                await system.Lawsuits.AppearAsync(lawsuit.Id, notice.NoticeId, excused ? Appearance.StaffExcused : Appearance.Principal,
                    excuse: excused ? Excuse.OfficialDuty : Excuse.Unspecified);
                if (random.Next(3) > 0) await system.Lawsuits.JudgeAsync(lawsuit.Id, Day(filed.AddDays(60)), random.Next(8) == 0 ? Judgment.Lost : Judgment.Won);
            }
            var files = 2 + random.Next(6);
            for (var i = 0; i < files; i++)
            {
                await system.Reviews.ReviewAsync(Org, department.Id, Day(new DateOnly(year, month, 1 + random.Next(25))), 70 + random.Next(30));
                reviews++;
            }
            var publications = new BatchCreatePublicationsRequest();
            for (var i = 0; i < 20 + random.Next(30); i++)
            {
                publications.Requests.Add(new CreatePublicationRequest
                {
                    RequestId = Guid.NewGuid().ToString(), Org = Org, PublishedOn = Day(new DateOnly(year, month, 1 + random.Next(25))),
                    Category = "政策文件", Title = $"关于{year}年{month}月工作的通知（{i + 1}）",
                });
            }
            await system.Requests.BatchCreatePublicationsAsync(publications);
            var asked = 1 + random.Next(5);
            for (var i = 0; i < asked; i++)
            {
                var received = new DateOnly(year, month, 1 + random.Next(20));
                var request = await system.Requests.CreateRequestAsync(new CreateRequestRequest
                {
                    RequestId = Guid.NewGuid().ToString(), Org = Org, ReceivedOn = Day(received),
                    ApplicantType = applicants[random.Next(applicants.Length)], Subject = "申请公开征收补偿方案",
                });
                requests++;
                if (month == 12 && random.Next(2) == 0) continue;
                await system.Requests.ConcludeRequestAsync(new ConcludeRequestRequest
                {
                    Id = request.Id, ConcludedOn = Day(received.AddDays(5 + random.Next(10))), Outcome = outcomes[random.Next(outcomes.Length)],
                });
            }
        }
        return new Logged(reconsideration, litigation, reviews, requests);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
