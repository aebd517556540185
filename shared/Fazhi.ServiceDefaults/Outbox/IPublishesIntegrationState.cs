namespace Fazhi.ServiceDefaults.Outbox;

/// <summary>
/// An aggregate whose every saved change must reach the reporting service. The outbox interceptor asks
/// each added or modified one for its state event at SaveChanges, so no transition can forget to publish.
/// </summary>
public interface IPublishesIntegrationState
{
    object ToIntegrationEvent(DateTimeOffset changedAt);
}
