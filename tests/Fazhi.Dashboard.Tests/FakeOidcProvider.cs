using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Fazhi.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fazhi.Dashboard.Tests;

/// <summary>
/// A minimal OIDC authority on real Kestrel (loopback, a free port): discovery, JWKS with an RSA key made here, an
/// /authorize that signs the user in at once (no form) and redirects back with a code, and a /token that redeems the
/// code only with the PKCE verifier whose S256 hash /authorize saw. It records what the browser sent so tests can
/// check the page's side of the protocol, and it answers the page's cross-origin calls with CORS headers.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Authorization> _codes = new();

    /// <summary>One request to /authorize as the browser sent it (query parameters).</summary>
    public sealed record Authorization(IReadOnlyDictionary<string, string> Query);

    /// <summary>One POST to /token: its form, whether the verifier hashed to the code's challenge, the answer's status.</summary>
    public sealed record TokenRequest(IReadOnlyDictionary<string, string> Form, bool VerifierMatched, int Status, string? Origin);

    public ConcurrentQueue<Authorization> Authorizations { get; } = new();
    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    /// <summary>The reporting page's origin: the only one CORS lets read the answers.</summary>
    public string? AllowedOrigin { get; set; }

    /// <summary>The redirect URI registered for the client (the reporting service's /).</summary>
    public string? RedirectUri { get; set; }

    public string ClientId { get; set; } = "fazhi-dashboard";
    public string Audience { get; set; } = DevTokens.Audience;

    /// <summary>The role and org the signed-in user's access token carries.</summary>
    public (string Role, string Org) User { get; set; } = (FazhiRoles.StatisticsViewer, "4101");

    public string Issuer { get; private set; } = "";

    /// <summary>When set, /token refuses every code (invalid_grant), as an authority does for an expired or replayed one.</summary>
    public bool RefuseTokens { get; set; }

    /// <summary>When set, /authorize sends the browser back with this OAuth error (e.g. access_denied) instead of a code.</summary>
    public string? RefuseSignIn { get; set; }

    private FakeOidcProvider(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        _key = key;
    }

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "fake-" + Guid.NewGuid().ToString("N")[..8] };
        var provider = new FakeOidcProvider(app, key);
        provider.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        provider.Issuer = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return provider;
    }

    /// <summary>An access token as /token issues it, for API calls made by the test itself.</summary>
    public string AccessToken(string role, string org, string subject = "oidc-test-user") =>
        Sign(Audience, new Claim(Caller.UserClaim, subject), new Claim(Caller.RoleClaim, role), new Claim(Caller.OrgClaim, org));

    private string Sign(string audience, params Claim[] claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    private void Map(WebApplication app)
    {
        // CORS by hand (the page's discovery GET and token POST are "simple" requests: no preflight, but the browser
        // lets the page read the answer only if it names the page's origin).
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && origin == AllowedOrigin)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.Vary = "Origin";
            }
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
            await next();
        });

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));

        app.MapGet("/jwks", () =>
        {
            var parameters = _key.Rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
                },
            });
        });

        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
            var authorization = new Authorization(query);
            Authorizations.Enqueue(authorization);
            string? Get(string name) => query.GetValueOrDefault(name);
            var problem =
                Get("client_id") != ClientId ? "unknown client_id"
                : Get("redirect_uri") != RedirectUri ? "redirect_uri not registered"
                : Get("response_type") != "code" ? "response_type must be code"
                : Get("code_challenge_method") != "S256" ? "code_challenge_method must be S256"
                : string.IsNullOrEmpty(Get("code_challenge")) ? "code_challenge missing"
                : string.IsNullOrEmpty(Get("state")) ? "state missing"
                : null;
            if (problem is not null) return Results.BadRequest(problem);
            if (RefuseSignIn is { } error)
            {
                return Results.Redirect(QueryHelpers.AddQueryString(RedirectUri!, new Dictionary<string, string?> { ["error"] = error, ["state"] = Get("state") }));
            }
            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
            _codes[code] = authorization;
            return Results.Redirect(QueryHelpers.AddQueryString(RedirectUri!, new Dictionary<string, string?> { ["code"] = code, ["state"] = Get("state") }));
        });

        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = (await request.ReadFormAsync()).ToDictionary(p => p.Key, p => p.Value.ToString());
            string? Get(string name) => form.GetValueOrDefault(name);
            var origin = request.Headers.Origin.ToString();
            var code = Get("code") ?? "";
            // A code is redeemed once: TryRemove, so a replay finds nothing.
            var authorization = _codes.TryRemove(code, out var found) ? found : null;
            var verifier = Get("code_verifier") ?? "";
            var matched = authorization is not null && verifier.Length >= 43
                && Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))) == authorization.Query["code_challenge"];
            var valid = !RefuseTokens && matched && Get("grant_type") == "authorization_code" && Get("client_id") == ClientId
                && Get("redirect_uri") == authorization!.Query["redirect_uri"];
            TokenRequests.Enqueue(new TokenRequest(form, matched, valid ? 200 : 400, origin.Length == 0 ? null : origin));
            if (!valid) return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            const string subject = "oidc-test-user";
            return Results.Json(new
            {
                access_token = AccessToken(User.Role, User.Org, subject),
                token_type = "Bearer",
                expires_in = 3600,
                id_token = Sign(ClientId, new Claim("sub", subject)),
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
