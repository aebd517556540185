using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Fazhi.ServiceDefaults.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer authentication on every endpoint but health. Tokens come from an OIDC authority
    /// (Auth:Authority, Auth:Audience) or, for local runs, are signed with Auth:DevSigningKey; in the Development
    /// environment a built-in development key is the fallback. Anything else refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddFazhiAuthentication(this WebApplicationBuilder builder, AccessRules rules)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var authority = auth["Authority"];
        var devKey = auth["DevSigningKey"];
        if (string.IsNullOrEmpty(authority) && string.IsNullOrEmpty(devKey))
        {
            devKey = builder.Environment.IsDevelopment()
                ? DevTokens.DevelopmentKey
                : throw new InvalidOperationException("Authentication is not configured: set Auth:Authority (OIDC) or Auth:DevSigningKey.");
        }

        // Not AddAuthentication(): it also adds data protection, whose hosted service reads (and on a first start
        // writes) an XML key ring when the service starts. Bearer tokens never use it (bench/README.md, "Memory").
        builder.Services.AddAuthenticationCore(options => options.DefaultScheme = JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddWebEncoders();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IAuthenticationConfigurationProvider, AuthenticationSection>();
        new AuthenticationBuilder(builder.Services).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new RememberingTokenHandler(TimeProvider.System));
            options.TokenValidationParameters = new TokenValidationParameters
            {
                NameClaimType = Caller.UserClaim,
                RoleClaimType = Caller.RoleClaim,
                ValidateLifetime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (!string.IsNullOrEmpty(authority))
            {
                options.Authority = authority;
                options.Audience = auth["Audience"] ?? DevTokens.Audience;
                options.RequireHttpsMetadata = auth.GetValue("RequireHttpsMetadata", true);
            }
            else
            {
                options.TokenValidationParameters.ValidIssuer = DevTokens.Issuer;
                options.TokenValidationParameters.ValidAudience = DevTokens.Audience;
                options.TokenValidationParameters.IssuerSigningKey = DevTokens.SigningKey(devKey!);
            }
        });

        builder.Services.AddAuthorizationBuilder()
            // Every endpoint needs a valid token unless it says otherwise (health does).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(Caller.OrgClaim).Build())
            .AddPolicy(AccessPolicies.Read, policy => policy.RequireAuthenticatedUser().RequireClaim(Caller.OrgClaim)
                .RequireRole([.. rules.ReadRoles, FazhiRoles.Administrator]))
            .AddPolicy(AccessPolicies.Write, policy => policy.RequireAuthenticatedUser().RequireClaim(Caller.OrgClaim)
                .RequireRole([.. rules.WriteRoles, FazhiRoles.Administrator]))
            .AddPolicy(AccessPolicies.Administer, policy => policy.RequireAuthenticatedUser().RequireClaim(Caller.OrgClaim)
                .RequireRole(FazhiRoles.Administrator));
        // Refusals answer as gRPC statuses / JSON error bodies with an ErrorInfo reason, not bare 401/403.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, AuthRefusals>());
        return builder;
    }
}
