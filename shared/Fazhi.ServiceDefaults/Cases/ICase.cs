using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Outbox;

namespace Fazhi.ServiceDefaults.Cases;

/// <summary>
/// A case aggregate of a service that reports to reporting: it belongs to one organisation, was created by one client
/// request (its requestId, unique), and publishes its whole reportable state as <typeparamref name="TEvent"/> after
/// every change. What the shared case plumbing (<see cref="CaseCommands"/>, <see cref="CaseRepublisher{TContext,TCase,TEvent}"/>)
/// needs to know about it.
/// </summary>
public interface ICase<out TEvent> : IAuditedAggregate, IPublishesIntegrationState
    where TEvent : class
{
    Guid RequestId { get; }
    string Org { get; }

    TEvent ToChangedEvent(DateTimeOffset changedAt);

    /// <summary>Withdraws a case logged by mistake: it keeps its history but leaves every figure.</summary>
    void Void(string reason);
}
