using Fazhi.ServiceDefaults.Errors;

namespace Fazhi.ServiceDefaults.Cases;

/// <summary>The date rules every case obeys: nothing happens after today, and no step before the one it follows.</summary>
public static class BusinessDates
{
    public static void NotInFuture(string field, DateOnly date, DateOnly today)
    {
        if (date > today) throw new RuleViolationException("DATE_IN_FUTURE", $"{field} {date:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}).");
    }

    public static void NotBefore(string field, DateOnly date, string earlierField, DateOnly earlier)
    {
        if (date < earlier)
            throw new RuleViolationException("DATE_OUT_OF_ORDER", $"{field} {date:yyyy-MM-dd} is before {earlierField} {earlier:yyyy-MM-dd}.");
    }
}
