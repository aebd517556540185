using Fazhi.Reporting.Breakdowns;
using Fazhi.Reporting.Consumers;
using Fazhi.Reporting.Figures;
using Fazhi.Reporting.Projection;
using MassTransit;

namespace Fazhi.Reporting.Sources;

/// <summary>
/// One service whose cases feed the figures: its name (the prefix of its metric keys, and how its cases are told apart
/// from other services' in the projection), the counters it keeps, and how counter sums become its published keys.
/// The projector, the YTD query, reset and rebuild work from these registrations alone, so a new source is one more
/// registration (<see cref="ReportSources"/>), not a change to any of them.
/// </summary>
public abstract class ReportSource
{
    /// <summary>The source's name, e.g. "litigation": every metric key it writes starts with it and a dot.</summary>
    public required string Name { get; init; }

    /// <summary>Counters counted on their business date within the period.</summary>
    public required IReadOnlyCollection<string> PeriodCounters { get; init; }

    /// <summary>Counters of +1/-1 changes summed over every day up to the as-of date (states such as pending).</summary>
    public required IReadOnlyCollection<string> StateCounters { get; init; }

    /// <summary>The source's published metric keys from the sums of its counters (every key present, rates unrounded).</summary>
    public required Func<IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, double>> Compose { get; init; }

    internal abstract void AddConsumers(IBusRegistrationConfigurator bus);
}

/// <summary>A source whose cases publish their state as <typeparamref name="TEvent"/>.</summary>
public sealed class ReportSource<TEvent> : ReportSource
    where TEvent : class
{
    /// <summary>The case and version an event carries.</summary>
    public required Func<TEvent, (Guid CaseId, long Version)> Identify { get; init; }

    /// <summary>What the case, in the state the event carries, contributes to the daily counters (a pure function).</summary>
    public required Func<TEvent, IReadOnlyList<Contribution>> Contributions { get; init; }

    /// <summary>Optional: the breakdown rows the case names in this state (a department's current name).</summary>
    public Func<TEvent, IReadOnlyList<BreakdownLabel>>? Labels { get; init; }

    public CaseVersion ToVersion(TEvent changed)
    {
        var (caseId, version) = Identify(changed);
        return new CaseVersion(caseId, version, Contributions(changed), Labels?.Invoke(changed));
    }

    internal override void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CaseChangesConsumer<TEvent>, CaseChangesConsumerDefinition<TEvent>>();
        bus.AddConsumer<CaseChangedConsumer<TEvent>, CaseChangedConsumerDefinition<TEvent>>();
        bus.AddConsumer<CasesRepublishedConsumer<TEvent>, CasesRepublishedConsumerDefinition<TEvent>>();
    }
}
