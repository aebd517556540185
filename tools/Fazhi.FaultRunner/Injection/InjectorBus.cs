using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fazhi.FaultRunner.Injection;

/// <summary>
/// A publish-only MassTransit bus on the run's virtual host, set up by the same code as every service's bus
/// (<see cref="MessagingExtensions.AddMessaging"/>: publisher confirms, the same serializer and exchange names) but with
/// no consumer, so it declares no queue: what it publishes reaches reporting exactly as the relay's messages do.
/// </summary>
public sealed class InjectorBus : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBusControl _bus;

    private InjectorBus(ServiceProvider services)
    {
        _services = services;
        _bus = services.GetRequiredService<IBusControl>();
    }

    public IBus Bus => _bus;

    public static async Task<InjectorBus> StartAsync(Uri amqp, CancellationToken ct)
    {
        // The outbox's event names, registered as each domain service registers its own at start-up (twice is harmless),
        // so the rows of every service resolve to their types here.
        IntegrationEventTypes.AddCaseState<ReconsiderationCaseChanged>();
        IntegrationEventTypes.AddCaseState<LitigationCaseChanged>();
        IntegrationEventTypes.AddCaseState<EnforcementCaseChanged>();
        IntegrationEventTypes.AddCaseState<DisclosureCaseChanged>();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:RabbitMq"] = amqp.ToString();
        builder.Services.AddLogging();
        builder.AddMessaging("fault-runner");
        var injector = new InjectorBus(builder.Services.BuildServiceProvider());
        // MassTransit keeps its log context in an AsyncLocal; start this bus on a fresh one (see the tests' ServiceHost).
        LogContext.ConfigureCurrentLogContext(NullLoggerFactory.Instance);
        await injector._bus.StartAsync(ct);
        return injector;
    }

    /// <summary>Publishes durably with the given message id, as the relay does (and waits for the broker's confirm).</summary>
    public Task PublishAsync(object message, Type type, Guid messageId, CancellationToken ct) =>
        _bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = messageId;
            context.Durable = true;
        }), ct);

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
