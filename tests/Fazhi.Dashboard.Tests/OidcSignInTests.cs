using System.Security.Cryptography;
using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace Fazhi.Dashboard.Tests;

/// <summary>
/// The page's OIDC sign-in (authorization code + PKCE) in a real browser, against reporting configured with only an
/// authority (<see cref="OidcSystem"/>): no #token=, no development key.
/// </summary>
public sealed class OidcSignInTests(OidcSystem system, Chromium chromium, ITestOutputHelper output)
    : IClassFixture<OidcSystem>, IClassFixture<Chromium>
{
    private const string Received = "[data-metric='reconsideration.received']";

    [Fact]
    public async Task Page_signs_in_at_the_authority_with_PKCE_shows_the_figures_and_follows_a_new_case()
    {
        var provider = system.Provider;
        var root = system.ReportingRoot;
        // The other tests of the class use the same authority: only what this page sent counts.
        var (authorizationsBefore, tokensBefore) = (provider.Authorizations.Count, provider.TokenRequests.Count);
        var page = await chromium.NewPageAsync();
        var navigations = new List<string>();
        // Navigation requests, redirects included (FrameNavigated would show only where each redirect chain ended).
        page.Request += (_, request) => { if (request.IsNavigationRequest && request.Frame == page.MainFrame) navigations.Add(request.Url); };
        page.Console += (_, message) => output.WriteLine($"[console] {message.Text}");

        await page.GotoAsync(new Uri(root, "/?org=410105&year=2023").ToString());
        try
        {
            await page.WaitForFunctionAsync("() => Number(document.body.dataset.snapshots) >= 1", null, new() { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            var message = await page.EvaluateAsync<string>("() => document.getElementById('message').hidden ? '' : document.getElementById('message-text').textContent");
            Assert.Fail($"no figures after sign-in; page at {page.Url}, message \"{message}\", navigations: {string.Join(" → ", navigations)}");
        }

        // The browser went to the authority's /authorize with an S256 challenge, then came back to the service's /.
        var authorization = Assert.Single(provider.Authorizations.Skip(authorizationsBefore)).Query;
        Assert.Equal("S256", authorization["code_challenge_method"]);
        Assert.Equal("code", authorization["response_type"]);
        Assert.Equal("fazhi-dashboard", authorization["client_id"]);
        Assert.Equal(root.ToString(), authorization["redirect_uri"]);
        Assert.Equal(43, authorization["code_challenge"].Length); // base64url of a SHA-256 hash
        Assert.Equal(3, navigations.Count);
        Assert.Equal(new Uri(root, "/?org=410105&year=2023").ToString(), navigations[0]);
        Assert.StartsWith(provider.Issuer + "/authorize?", navigations[1], StringComparison.Ordinal);
        Assert.Equal($"{root}?code=", navigations[2][..$"{root}?code=".Length]);
        Assert.Contains("&state=" + authorization["state"], navigations[2], StringComparison.Ordinal);

        // The token request came from the page (cross-origin, CORS) with the verifier whose hash was the challenge.
        var token = Assert.Single(provider.TokenRequests.Skip(tokensBefore));
        Assert.True(token.VerifierMatched, "the code_verifier does not hash to the code_challenge");
        Assert.Equal(200, token.Status);
        Assert.Equal(root.GetLeftPart(UriPartial.Authority), token.Origin);
        Assert.Equal(authorization["code_challenge"],
            Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token.Form["code_verifier"]))));

        // Back on the org and year asked for, with the callback's code out of the address bar, and the figures live.
        Assert.Equal(new Uri(root, "/?org=410105&year=2023").ToString(), page.Url);
        Assert.True(await page.IsHiddenAsync("#message"), "a message is shown: " + await page.InnerTextAsync("#message-text"));
        Assert.Equal("410105", await page.InnerTextAsync("#org"));
        Assert.Equal("2023", await page.InnerTextAsync("#year"));
        Assert.Equal("实时", await page.InnerTextAsync("#live-text"));
        Assert.Equal("0", await page.InnerTextAsync($"{Received} .number"));

        // A case logged through the API with the authority's token moves the figure on the open page.
        var cases = new ReconsiderationApi(system.Reconsideration.Grpc(provider.AccessToken(FazhiRoles.ReconsiderationClerk, "41")));
        await cases.ReceiveAsync("410105", "2023-03-01");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"{Received}\").dataset.value === '1'", null, new() { Timeout = 20_000 });
        Assert.Equal("1", await page.InnerTextAsync($"{Received} .number"));
        // One sign-in for the whole visit.
        Assert.Single(provider.Authorizations.Skip(authorizationsBefore));
    }

    [Fact]
    public async Task Page_shows_in_Chinese_that_the_authority_refused_the_code_and_offers_to_sign_in_again()
    {
        var provider = system.Provider;
        provider.RefuseTokens = true;
        try
        {
            var before = provider.TokenRequests.Count;
            var page = await chromium.NewPageAsync();
            await page.GotoAsync(new Uri(system.ReportingRoot, "/?org=410105&year=2023").ToString());
            await page.WaitForSelectorAsync("#message:not([hidden])", new() { Timeout = 20_000 });
            Assert.StartsWith("换取访问令牌失败（HTTP 400）", await page.InnerTextAsync("#message-text"));
            Assert.True(await page.IsVisibleAsync("#sign-in"), "no button to sign in again");
            Assert.Equal(before + 1, provider.TokenRequests.Count);
            Assert.Equal("0", await page.EvaluateAsync<string>("() => document.body.dataset.snapshots || '0'"));
        }
        finally
        {
            provider.RefuseTokens = false;
        }
    }

    [Fact]
    public async Task Page_shows_in_Chinese_that_the_sign_in_was_refused_keeps_org_and_year_and_does_not_loop()
    {
        var provider = system.Provider;
        provider.RefuseSignIn = "access_denied";
        try
        {
            var authorizationsBefore = provider.Authorizations.Count;
            var tokensBefore = provider.TokenRequests.Count;
            var page = await chromium.NewPageAsync();
            await page.GotoAsync(new Uri(system.ReportingRoot, "/?org=410105&year=2023").ToString());
            await page.WaitForSelectorAsync("#message:not([hidden])", new() { Timeout = 20_000 });
            Assert.StartsWith("登录被拒绝", await page.InnerTextAsync("#message-text"));
            Assert.Contains("access_denied", await page.InnerTextAsync("#message-text"));
            Assert.True(await page.IsVisibleAsync("#sign-in"), "no button to sign in again");
            // Back on the address asked for (org and year kept, the callback's parameters gone), without a second
            // trip to the authority and without a token request.
            Assert.EndsWith("/?org=410105&year=2023", page.Url);
            Assert.Equal("410105", await page.InnerTextAsync("#org"));
            await Task.Delay(1000);
            Assert.Equal(authorizationsBefore + 1, provider.Authorizations.Count);
            Assert.Equal(tokensBefore, provider.TokenRequests.Count);
        }
        finally
        {
            provider.RefuseSignIn = null;
        }
    }

    [Fact]
    public async Task Config_names_the_authority_and_the_service_refuses_tokens_it_did_not_issue()
    {
        var anonymous = system.Reporting.Http(null);
        var config = await anonymous.GetStringAsync("/dashboard/config.json");
        Assert.Contains($"\"authority\":\"{system.Provider.Issuer}\"", config, StringComparison.Ordinal);
        Assert.Contains("\"clientId\":\"fazhi-dashboard\"", config, StringComparison.Ordinal);

        // The authority's token is accepted; a development token (the key the other tests use) is not.
        var issued = await system.Reporting.Http(system.Provider.AccessToken(FazhiRoles.StatisticsViewer, "4101"))
            .GetAsync("/v1/reports/410105/years/2023:ytd");
        Assert.Equal(System.Net.HttpStatusCode.OK, issued.StatusCode);
        var dev = await system.Reporting.Http(FazhiSystem.Token(FazhiRoles.StatisticsViewer, "4101", key: DevTokens.DevelopmentKey))
            .GetAsync("/v1/reports/410105/years/2023:ytd");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, dev.StatusCode);
    }
}
