using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;

namespace Fazhi.ServiceDefaults.Auth;

/// <summary>Where authentication schemes read their settings ("Authentication:Schemes:Bearer"), as AddAuthentication sets it.</summary>
internal sealed class AuthenticationSection(IConfiguration configuration) : IAuthenticationConfigurationProvider
{
    public IConfiguration AuthenticationConfiguration { get; } = configuration.GetSection("Authentication");
}
