using Fazhi.IntegrationTests.Infrastructure;
using Fazhi.ServiceDefaults.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>A remembered token is accepted without re-validation only until its expiry or the remembering limit.</summary>
public sealed class RememberingTokenHandlerTests
{
    private const string OtherKey = "a-different-signing-key-after-rotation-0123456789";

    private static TokenValidationParameters Parameters(string key) => new()
    {
        ValidIssuer = DevTokens.Issuer,
        ValidAudience = DevTokens.Audience,
        IssuerSigningKey = DevTokens.SigningKey(key),
        ValidateLifetime = true,
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_valid_token_is_remembered_for_at_most_the_limit_then_validated_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RememberingTokenHandler(clock);
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41", lifetime: TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters(FazhiSystem.SigningKey));
        Assert.True(first.IsValid);

        // The signing key changes: within the limit the remembered result stands, each call with its own identity.
        clock.Advance(RememberingTokenHandler.MaxAge - TimeSpan.FromSeconds(1));
        var remembered = await handler.ValidateTokenAsync(token, Parameters(OtherKey));
        Assert.True(remembered.IsValid);
        Assert.NotSame(first.ClaimsIdentity, remembered.ClaimsIdentity);
        Assert.Equal(first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), remembered.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task A_token_is_not_remembered_past_its_own_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var handler = new RememberingTokenHandler(clock);
        // Expires 30 s from now, well before the remembering limit.
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41", lifetime: TimeSpan.FromMinutes(10), issuedAt: DateTimeOffset.UtcNow.AddSeconds(-570));

        Assert.True((await handler.ValidateTokenAsync(token, Parameters(FazhiSystem.SigningKey))).IsValid);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
    }

    [Fact]
    public async Task An_invalid_token_is_never_remembered()
    {
        var handler = new RememberingTokenHandler(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var token = FazhiSystem.Token(FazhiRoles.ReconsiderationClerk, "41");

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(OtherKey))).IsValid);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(FazhiSystem.SigningKey))).IsValid);
    }
}
