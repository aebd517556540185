using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Fazhi.IntegrationTests;

/// <summary>
/// UseShortRetries in MassTransit's own pipeline (its in-memory test harness): a transient fault is retried past the
/// four short retries until it passes, any other fault gets exactly the four short retries and then faults (on
/// RabbitMQ: the _error queue), and a message that turns from transient to permanent is dead-lettered all the same.
/// </summary>
public sealed class ConsumerRetryPolicyTests
{
    [Fact]
    public async Task A_transient_fault_is_retried_beyond_the_short_retries_until_it_passes()
    {
        var (attempts, faulted) = await ConsumeAsync(new RetryProbe(Guid.NewGuid(), TransientTimes: 5, PermanentAfter: false));
        Assert.Equal(6, attempts); // 5 transient failures, more than the 4 short retries, then success
        Assert.False(faulted);
    }

    [Fact]
    public async Task Any_other_fault_gets_four_short_retries_and_then_faults()
    {
        var watch = Stopwatch.StartNew();
        var (attempts, faulted) = await ConsumeAsync(new RetryProbe(Guid.NewGuid(), TransientTimes: 0, PermanentAfter: true));
        Assert.Equal(5, attempts);
        Assert.True(faulted);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(20)); // 50 ms + 200 ms + 1 s + 2 s
    }

    [Fact]
    public async Task A_fault_that_turns_permanent_after_transient_ones_still_faults()
    {
        var (attempts, faulted) = await ConsumeAsync(new RetryProbe(Guid.NewGuid(), TransientTimes: 2, PermanentAfter: true));
        Assert.Equal(2 + 5, attempts);
        Assert.True(faulted);
    }

    private static async Task<(int Attempts, bool Faulted)> ConsumeAsync(RetryProbe probe)
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<Attempts>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<RetryProbeConsumer, RetryProbeConsumerDefinition>();
                bus.AddConsumer<RetryProbeFaultConsumer>();
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(40);
        await harness.Start();
        try
        {
            await harness.Bus.Publish(probe);
            var attempts = provider.GetRequiredService<Attempts>();
            var outcome = await attempts.OutcomeAsync(probe.Id).WaitAsync(TimeSpan.FromSeconds(40));
            return (attempts.Count(probe.Id), outcome == Outcome.Faulted);
        }
        finally
        {
            await harness.Stop();
        }
    }

    public sealed record RetryProbe(Guid Id, int TransientTimes, bool PermanentAfter);

    private enum Outcome { Consumed, Faulted }

    private sealed class Attempts
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();
        private readonly ConcurrentDictionary<Guid, TaskCompletionSource<Outcome>> _outcomes = new();

        public int Next(Guid id) => _counts.AddOrUpdate(id, 1, (_, n) => n + 1);

        public int Count(Guid id) => _counts.GetValueOrDefault(id);

        public Task<Outcome> OutcomeAsync(Guid id) => Completion(id).Task;

        public void Settle(Guid id, Outcome outcome) => Completion(id).TrySetResult(outcome);

        private TaskCompletionSource<Outcome> Completion(Guid id) =>
            _outcomes.GetOrAdd(id, _ => new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class RetryProbeConsumer(Attempts attempts) : IConsumer<RetryProbe>
    {
        public Task Consume(ConsumeContext<RetryProbe> context)
        {
            var probe = context.Message;
            var attempt = attempts.Next(probe.Id);
            if (attempt <= probe.TransientTimes)
                throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
            if (probe.PermanentAfter) throw new InvalidOperationException("the event breaks an invariant");
            attempts.Settle(probe.Id, Outcome.Consumed);
            return Task.CompletedTask;
        }
    }

    private sealed class RetryProbeConsumerDefinition : ConsumerDefinition<RetryProbeConsumer>
    {
        protected override void ConfigureConsumer(
            IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<RetryProbeConsumer> consumerConfigurator, IRegistrationContext context) =>
            endpointConfigurator.UseShortRetries();
    }

    /// <summary>
    /// MassTransit publishes a Fault once a message has failed for good, after every retry (on RabbitMQ it then
    /// moves the message to the _error queue).
    /// </summary>
    private sealed class RetryProbeFaultConsumer(Attempts attempts) : IConsumer<Fault<RetryProbe>>
    {
        public Task Consume(ConsumeContext<Fault<RetryProbe>> context)
        {
            attempts.Settle(context.Message.Message.Id, Outcome.Faulted);
            return Task.CompletedTask;
        }
    }
}
