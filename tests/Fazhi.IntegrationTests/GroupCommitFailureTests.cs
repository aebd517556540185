using Fazhi.Reconsideration.Domain;
using Fazhi.Reconsideration.Infrastructure;
using Fazhi.ServiceDefaults.Commands;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>The writer must settle every command it was given, also when the database cannot be reached or it stops.</summary>
public sealed class GroupCommitFailureTests
{
    [Fact]
    public async Task An_unreachable_database_fails_the_commands_instead_of_leaving_callers_waiting()
    {
        var services = new ServiceCollection();
        // Port 1 on loopback refuses connections at once: the batch's load query fails.
        services.AddDbContext<ReconsiderationDbContext>(o => o
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2")
            .UseSnakeCaseNamingConvention());
        await using var provider = services.BuildServiceProvider();
        var writer = new GroupCommitWriter<ReconsiderationDbContext, ReconsiderationCase>(
            provider.GetRequiredService<IServiceScopeFactory>(), Options.Create(new GroupCommitOptions()), "reconsideration case");
        await writer.StartAsync(CancellationToken.None);
        var origin = new CommandOrigin(null, "AcceptCase", null, null);

        var changes = Enumerable.Range(0, 5)
            .Select(_ => writer.ChangeAsync(Guid.CreateVersion7(), origin, _ => { }, c => c.Version, CancellationToken.None))
            .ToList();
        foreach (var change in changes)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => change.WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.IsNotType<TimeoutException>(error);
        }

        await writer.StopAsync(CancellationToken.None);
        var afterStop = await Assert.ThrowsAsync<RpcException>(() => writer.ChangeAsync(Guid.CreateVersion7(), origin, _ => { }, c => c.Version, CancellationToken.None));
        Assert.Equal(StatusCode.Unavailable, afterStop.StatusCode);
    }

    [Fact]
    public async Task Past_the_queue_capacity_a_command_is_refused_at_once_and_the_queued_ones_are_still_settled()
    {
        var services = new ServiceCollection();
        services.AddDbContext<ReconsiderationDbContext>(o => o
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2")
            .UseSnakeCaseNamingConvention());
        await using var provider = services.BuildServiceProvider();
        var writer = new GroupCommitWriter<ReconsiderationDbContext, ReconsiderationCase>(
            provider.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new GroupCommitOptions { Writers = 1, QueueCapacity = 3 }), "reconsideration case");
        var origin = new CommandOrigin(null, "AcceptCase", null, null);

        // Not started yet: nothing takes commands off the queue, so three fill it.
        var queued = Enumerable.Range(0, 3)
            .Select(_ => writer.ChangeAsync(Guid.CreateVersion7(), origin, _ => { }, c => c.Version, CancellationToken.None))
            .ToList();
        var refused = await Assert.ThrowsAsync<Fazhi.ServiceDefaults.Errors.OverloadedException>(() =>
            writer.ChangeAsync(Guid.CreateVersion7(), origin, _ => { }, c => c.Version, CancellationToken.None));
        Assert.Equal("SERVICE_OVERLOADED", refused.Reason);
        Assert.All(queued, q => Assert.False(q.IsCompleted));

        await writer.StartAsync(CancellationToken.None);
        foreach (var change in queued)
            Assert.IsNotType<TimeoutException>(await Assert.ThrowsAnyAsync<Exception>(() => change.WaitAsync(TimeSpan.FromSeconds(30))));
        await writer.StopAsync(CancellationToken.None);
    }
}
