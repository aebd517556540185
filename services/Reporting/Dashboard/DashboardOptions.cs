namespace Fazhi.Reporting.Dashboard;

/// <summary>
/// Settings of the live dashboard (section "Dashboard"): how watchers pace their snapshots, and what the page needs to
/// sign in against the OIDC authority (Auth:Authority) when one is configured.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>At most one snapshot per watcher per this interval; commits in between are folded into the next one.</summary>
    public TimeSpan CoalesceInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a quiet watcher recomputes its snapshot anyway (date roll-over, other replicas' commits).</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the event stream sends a comment line while no snapshot is due, so proxies keep it open.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The page's OAuth client id at the authority (a public client using authorization code + PKCE).</summary>
    public string ClientId { get; set; } = "fazhi-dashboard";

    /// <summary>The scopes the page asks for; the authority must issue access tokens for Auth:Audience with org and role claims.</summary>
    public string Scope { get; set; } = "openid profile";
}
