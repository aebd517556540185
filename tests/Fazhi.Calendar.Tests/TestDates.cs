namespace Fazhi.Calendar.Tests;

internal static class TestDates
{
    // ISO strings keep the expected dates readable next to the notices they come from.
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");
}
