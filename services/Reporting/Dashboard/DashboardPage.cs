using System.Collections.Frozen;
using System.Text.Json;

namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// The page's files (wwwroot/, embedded in the assembly so the page is there however the service is started: from the
/// build output, a published folder or a test host) and the sign-in settings it reads at start. Neither holds any
/// figure, so both are served without a token; the figures come from the data routes, which need one.
/// </summary>
public sealed class DashboardPage
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, byte[]> _files;

    public DashboardPage(IConfiguration configuration, DashboardOptions options)
    {
        var assembly = typeof(DashboardPage).Assembly;
        _files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("wwwroot/", StringComparison.Ordinal))
            .ToFrozenDictionary(name => name["wwwroot/".Length..], name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
        var authority = configuration["Auth:Authority"];
        Authority = string.IsNullOrWhiteSpace(authority) ? null : authority.TrimEnd('/');
        Settings = JsonSerializer.Serialize(new
        {
            authority = Authority,
            clientId = options.ClientId,
            scope = options.Scope,
        }, JsonSerializerOptions.Web);
    }

    /// <summary>The OIDC authority the page signs in against; null when tokens are minted locally (development).</summary>
    public string? Authority { get; }

    /// <summary>The JSON of /dashboard/config.json.</summary>
    public string Settings { get; }

    public IResult File(string name)
    {
        if (!_files.TryGetValue(name, out var content) || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Results.NotFound();
        }
        return Results.Bytes(content, type);
    }

    /// <summary>Scripts, styles and connections from this service only, plus the authority's token endpoint.</summary>
    public string ContentSecurityPolicy =>
        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        + (Authority is null ? "" : "; connect-src 'self' " + new Uri(Authority).GetLeftPart(UriPartial.Authority));
}
