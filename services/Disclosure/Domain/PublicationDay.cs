using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults.Audit;
using Fazhi.ServiceDefaults.Outbox;

namespace Fazhi.Disclosure.Domain;

/// <summary>
/// How many items an organisation published on one day: the state reporting counts proactive disclosure from. Its
/// event carries the tally, not the increment, so a redelivered or re-published event replaces the day's count
/// instead of adding to it.
/// </summary>
public sealed class PublicationDay : IAuditedAggregate, IPublishesIntegrationState
{
    public Guid Id { get; private set; }
    public string Org { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public int Published { get; private set; }
    public long Version { get; private set; }

    private PublicationDay() { }

    public static PublicationDay Start(string org, DateOnly publishedOn) =>
        new() { Id = Guid.CreateVersion7(), Org = org, PublishedOn = publishedOn };

    public void Add(int items)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        Published += items;
        Version++;
    }

    public object ToIntegrationEvent(DateTimeOffset changedAt) => ToChangedEvent(changedAt);

    public DisclosureCaseChanged ToChangedEvent(DateTimeOffset changedAt) => new()
    {
        CaseId = Id,
        Version = Version,
        Org = Org,
        Kind = DisclosureCaseChanged.PublicationDayKind,
        PublishedOn = PublishedOn,
        Published = Published,
        ChangedAt = changedAt,
    };
}
