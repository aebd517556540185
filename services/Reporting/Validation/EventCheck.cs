using System.Collections.Frozen;
using Fazhi.ServiceDefaults;

namespace Fazhi.Reporting.Validation;

/// <summary>
/// The checks of one event, in the order a validator makes them; the first failure is kept and the rest are skipped
/// (one reason is enough to refuse it, and the first is the most basic). Pure: today is given.
/// </summary>
public sealed class EventCheck
{
    private readonly EventLimits _limits;
    private readonly DateOnly _latestHappened;
    private readonly DateOnly _latestPlanned;

    public EventCheck(EventLimits limits, DateOnly today, Guid caseId, long version, string? org)
    {
        _limits = limits;
        _latestHappened = today.AddDays(limits.HappenedSlackDays);
        _latestPlanned = today.AddYears(limits.PlannedYearsAhead);
        (CaseId, Version) = (caseId, version);
        if (caseId == Guid.Empty) Fail(RejectionReasons.BadIdentity, "caseId is empty");
        else if (version < 1 || version > limits.MaxVersion) Fail(RejectionReasons.BadVersion, $"version {version} is outside 1..{limits.MaxVersion}");
        else if (org is not { Length: 6 } || !org.All(char.IsAsciiDigit)) Fail(RejectionReasons.BadOrg, $"org '{Printable(org)}' is not a 6-digit code");
    }

    public Guid CaseId { get; }

    public long Version { get; }

    public EventRejection? Rejection { get; private set; }

    public bool Passed => Rejection is null;

    /// <summary>A proto enum name of <paramref name="known"/>; null passes unless <paramref name="required"/>.</summary>
    public EventCheck Code(string field, string? value, FrozenSet<string> known, bool required = false)
    {
        if (value is null)
        {
            if (required) Fail(RejectionReasons.MissingField, $"{field} is missing");
        }
        else if (!known.Contains(value)) Fail(RejectionReasons.UnknownCode, $"{field} '{Printable(value)}' is not a known code");
        return this;
    }

    public EventCheck Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Fail(RejectionReasons.MissingField, $"{field} is missing");
        return this;
    }

    /// <summary>A day something happened: not before <see cref="EventLimits.Earliest"/>, not after today (plus the slack).</summary>
    public EventCheck Happened(string field, DateOnly? date) => InRange(field, date, _latestHappened);

    /// <summary>A day something is due or planned: within <see cref="EventLimits.PlannedYearsAhead"/> years.</summary>
    public EventCheck Planned(string field, DateOnly? date) => InRange(field, date, _latestPlanned);

    public EventCheck NotBefore(string field, DateOnly? date, string earlierField, DateOnly? earlier)
    {
        if (date is { } d && earlier is { } e && d < e)
            Fail(RejectionReasons.DateOutOfOrder, $"{field} {d:yyyy-MM-dd} is before {earlierField} {e:yyyy-MM-dd}");
        return this;
    }

    public EventCheck Count(string field, long value, long max)
    {
        if (value < 0 || value > max) Fail(RejectionReasons.BadCount, $"{field} {value} is outside 0..{max}");
        return this;
    }

    public EventCheck Items<T>(string field, IReadOnlyCollection<T>? items) =>
        items is null ? Fail(RejectionReasons.MissingField, $"{field} is missing") : Count($"{field} count", items.Count, _limits.MaxItems);

    public EventCheck Consistent(bool holds, string detail)
    {
        if (!holds) Fail(RejectionReasons.Inconsistent, detail);
        return this;
    }

    private EventCheck InRange(string field, DateOnly? date, DateOnly latest)
    {
        if (date is { } d && (d < _limits.Earliest || d > latest))
            Fail(RejectionReasons.DateOutOfRange, $"{field} {d:yyyy-MM-dd} is outside {_limits.Earliest:yyyy-MM-dd}..{latest:yyyy-MM-dd}");
        return this;
    }

    private EventCheck Fail(string reason, string detail)
    {
        Rejection ??= new EventRejection(CaseId, Version, reason, detail);
        return this;
    }

    /// <summary>A hostile value goes into a log line and a header: short, and without control characters.</summary>
    private static string Printable(string? value)
    {
        if (value is null) return "(null)";
        var clipped = value.Length > 64 ? value[..64] + "…" : value;
        return new string([.. clipped.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}

/// <summary>The names of a generated proto enum, as the domain services write them into events (<see cref="ProtoEnum"/>).</summary>
public static class ProtoCodes
{
    public static FrozenSet<string> Of<TEnum>(bool withUnspecified = true) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>()
            .Select(v => ProtoEnum.Name(v))
            .Where(name => withUnspecified || !name.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
            .ToFrozenSet(StringComparer.Ordinal);
}
