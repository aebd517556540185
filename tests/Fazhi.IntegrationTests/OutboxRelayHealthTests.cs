using Fazhi.ServiceDefaults.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The relay's readiness: Healthy while it publishes, Degraded from a failed pass, Unhealthy after UnhealthyAfter.</summary>
public sealed class OutboxRelayHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Degraded_from_the_first_failed_pass_unhealthy_after_the_limit_healthy_once_it_publishes()
    {
        var status = new OutboxRelayStatus(_time);
        var check = new OutboxRelayHealthCheck(status, Options.Create(new OutboxOptions { UnhealthyAfter = TimeSpan.FromSeconds(60) }), _time);
        status.Started();
        try
        {
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync(check)).Status);

            Assert.Equal(1, status.Failed(new TimeoutException("The broker finished no publish for 00:00:05")));
            _time.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(2, status.Failed(new TimeoutException("again")));
            var degraded = await CheckAsync(check);
            Assert.Equal(HealthStatus.Degraded, degraded.Status);
            Assert.Equal(2, degraded.Data["consecutiveFailures"]);
            Assert.Contains("again", degraded.Description);

            _time.Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(HealthStatus.Unhealthy, (await CheckAsync(check)).Status);

            Assert.Equal(TimeSpan.FromSeconds(61), status.Succeeded());
            Assert.Null(status.Succeeded());
            Assert.Equal(HealthStatus.Healthy, (await CheckAsync(check)).Status);
            Assert.Equal(0, status.ConsecutiveFailures);
        }
        finally
        {
            status.Stopped();
        }
    }

    [Fact]
    public async Task A_service_without_a_relay_is_ready()
    {
        var check = new OutboxRelayHealthCheck(new OutboxRelayStatus(_time), Options.Create(new OutboxOptions()), _time);
        var result = await CheckAsync(check);
        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("no relay", result.Description);
    }

    private static Task<HealthCheckResult> CheckAsync(OutboxRelayHealthCheck check) =>
        check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("outbox-relay", check, HealthStatus.Unhealthy, null),
        });
}
