using Fazhi.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>How the services' authentication is put together (no servers needed).</summary>
public sealed class AuthenticationSetupTests
{
    [Fact]
    public async Task Bearer_tokens_are_the_default_scheme_without_a_data_protection_key_ring()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.AddFazhiAuthentication(new AccessRules([FazhiRoles.Administrator], [FazhiRoles.Administrator]));
        await using var app = builder.Build();

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(JwtBearerDefaults.AuthenticationScheme, (await schemes.GetDefaultAuthenticateSchemeAsync())?.Name);
        var bearer = app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.IsType<RememberingTokenHandler>(Assert.Single(bearer.TokenHandlers));

        // Data protection would read (and on a first start write) an XML key ring at start-up for nothing.
        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(),
            service => service.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true);
    }
}
