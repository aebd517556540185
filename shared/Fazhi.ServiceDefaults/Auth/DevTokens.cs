using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fazhi.ServiceDefaults.Auth;

/// <summary>
/// Development tokens signed with a symmetric key, for local runs and tests. Production validates tokens from an
/// OIDC authority (Auth:Authority) instead and never accepts these unless a key is configured explicitly.
/// </summary>
public static class DevTokens
{
    public const string Issuer = "fazhi-dev";
    public const string Audience = "fazhi";

    /// <summary>Used only when the environment is Development and no Auth:DevSigningKey is set.</summary>
    public const string DevelopmentKey = "fazhi-development-signing-key-do-not-use-in-production";

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    public static string Mint(string userId, string role, string org, string key, TimeSpan lifetime, DateTimeOffset? now = null)
    {
        var issuedAt = now ?? DateTimeOffset.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([
                new Claim(Caller.UserClaim, userId),
                new Claim(Caller.RoleClaim, role),
                new Claim(Caller.OrgClaim, org),
            ]),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = issuedAt.Add(lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
