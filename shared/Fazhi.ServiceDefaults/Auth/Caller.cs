using System.Security.Claims;
using Fazhi.ServiceDefaults.Errors;
using Grpc.Core;

namespace Fazhi.ServiceDefaults.Auth;

/// <summary>
/// The authenticated user of a call: id, role and organisation, from the token's "sub", "role" and "org" claims.
/// An organisation's scope is its code prefix: staff of 410105 reach 410105 (and its departments), a city
/// viewer of 4101 reaches every district under 4101.
/// </summary>
public sealed record Caller(string UserId, string Role, string Org)
{
    public const string OrgClaim = "org";
    public const string RoleClaim = "role";
    public const string UserClaim = "sub";

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(UserClaim) ?? "",
        user.FindFirstValue(RoleClaim) ?? "",
        user.FindFirstValue(OrgClaim) ?? "");

    public bool Covers(string org) => Org.Length > 0 && org.StartsWith(Org, StringComparison.Ordinal);

    /// <summary>Refuses (PERMISSION_DENIED, ORG_OUT_OF_SCOPE) a resource of an organisation outside the caller's scope.</summary>
    public void EnsureCovers(string org)
    {
        if (!Covers(org))
        {
            throw new PermissionDeniedException(ErrorReasons.OrgOutOfScope, $"Organisation {Org} may not access organisation {org}.")
            {
                Metadata = new Dictionary<string, string> { ["callerOrg"] = Org, ["org"] = org },
            };
        }
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this ServerCallContext context) => Auth.Caller.From(context.GetHttpContext().User);
}
