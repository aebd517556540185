using Fazhi.ServiceDefaults.Audit;

namespace Fazhi.Disclosure.Domain;

/// <summary>
/// One proactively published item (主动公开). Items never change once recorded, so each is a row with its own audit
/// entry but no state event: what reporting counts is the day's tally (<see cref="PublicationDay"/>), written in the
/// same transaction. The unique requestId makes a retried batch count nothing twice.
/// </summary>
public sealed class Publication : IAuditedAggregate
{
    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public string Org { get; private set; } = "";
    public DateOnly PublishedOn { get; private set; }
    public string Category { get; private set; } = "";
    public string Title { get; private set; } = "";
    public long Version { get; private set; }

    private Publication() { }

    public static Publication Record(PublicationInput input) => new()
    {
        Id = Guid.CreateVersion7(),
        RequestId = input.RequestId,
        Org = input.Org,
        PublishedOn = input.PublishedOn,
        Category = input.Category,
        Title = input.Title,
        Version = 1,
    };

    public bool IsSame(PublicationInput input) =>
        Org == input.Org && PublishedOn == input.PublishedOn && Category == input.Category && Title == input.Title;
}

/// <summary>An item as a client sends it, checked at the edge.</summary>
public sealed record PublicationInput(Guid RequestId, string Org, DateOnly PublishedOn, string Category, string Title);
