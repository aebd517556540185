using Fazhi.Contracts.IntegrationEvents;
using Fazhi.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// Checks incoming events against what reporting can see of their source's invariants, with today in China and the
/// configured <see cref="EventLimits"/>. An event that fails is never applied: a figure built on it would be wrong in
/// a public document, and a hostile version would shadow every later real one.
/// </summary>
public sealed class EventChecks(IOptionsMonitor<EventLimits> limits, BusinessClock clock)
{
    public EventRejection? Check<TEvent>(TEvent changed) where TEvent : class => Check(changed, limits.CurrentValue, clock.Today());

    /// <summary>The pure check: the first invariant <paramref name="changed"/> breaks, or null.</summary>
    public static EventRejection? Check<TEvent>(TEvent changed, EventLimits limits, DateOnly today) where TEvent : class => changed switch
    {
        ReconsiderationCaseChanged e => ReconsiderationEventCheck.Check(e, limits, today),
        LitigationCaseChanged e => LitigationEventCheck.Check(e, limits, today),
        EnforcementCaseChanged e => EnforcementEventCheck.Check(e, limits, today),
        DisclosureCaseChanged e => DisclosureEventCheck.Check(e, limits, today),
        _ => throw new NotSupportedException($"No checks for {typeof(TEvent).Name}: a new source adds its own to EventChecks."),
    };
}
