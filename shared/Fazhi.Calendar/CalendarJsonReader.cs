using System.Globalization;
using System.Text.Json;

namespace Fazhi.Calendar;

/// <summary>
/// Parses the calendar JSON format. Deliberately strict: a typo in this file silently moves
/// statutory deadlines, so unknown properties, malformed dates and contradictions are rejected
/// instead of ignored.
/// </summary>
internal static class CalendarJsonReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        // The file is hand-maintained configuration; let maintainers annotate it.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly HashSet<string> RootProperties = ["version", "description", "years"];
    private static readonly HashSet<string> YearProperties = ["source", "holidays", "workingWeekends"];
    private static readonly HashSet<string> DayProperties = ["date", "name"];

    public static WorkingDayCalendar Read(Stream json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, Options);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Calendar JSON is malformed: {ex.Message}", ex);
        }
    }

    private static WorkingDayCalendar Read(JsonElement root)
    {
        RequireKind(root, JsonValueKind.Object, "root");
        RejectUnknown(root, RootProperties, "root");

        var version = RequireString(root, "version", "root");
        if (!root.TryGetProperty("years", out var years) || years.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("Calendar JSON needs a \"years\" object.");

        var days = new Dictionary<DateOnly, CalendarDay>();
        var scheduledYears = new List<int>();
        foreach (var year in years.EnumerateObject())
        {
            if (!int.TryParse(year.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1 or > 9999)
                throw new InvalidDataException($"\"{year.Name}\" is not a valid year key.");
            RequireKind(year.Value, JsonValueKind.Object, year.Name);
            RejectUnknown(year.Value, YearProperties, year.Name);

            ReadDays(year.Value, "holidays", y, isWorking: false, days);
            ReadDays(year.Value, "workingWeekends", y, isWorking: true, days);
            scheduledYears.Add(y);
        }

        return new WorkingDayCalendar(version, days, scheduledYears);
    }

    private static void ReadDays(JsonElement year, string property, int y, bool isWorking, Dictionary<DateOnly, CalendarDay> days)
    {
        var where = $"{y}.{property}";
        if (!year.TryGetProperty(property, out var list))
            return; // A year may legitimately have no make-up days (or, in a test file, no holidays).
        RequireKind(list, JsonValueKind.Array, where);

        foreach (var entry in list.EnumerateArray())
        {
            RequireKind(entry, JsonValueKind.Object, where);
            RejectUnknown(entry, DayProperties, where);
            var text = RequireString(entry, "date", where);
            var name = RequireString(entry, "name", where);

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{where}: \"{text}\" is not a yyyy-MM-dd date.");

            // A notice may reach into the neighbouring year (2023's 元旦 began on 2022-12-31,
            // 2019's make-up day was 2018-12-29), but anything further away is a typo.
            var plausible = date.Year == y
                || (date.Year == y - 1 && date.Month == 12)
                || (date.Year == y + 1 && date.Month == 1);
            if (!plausible)
                throw new InvalidDataException($"{where}: {text} does not belong to the {y} schedule.");

            // A make-up day on a weekday would be a no-op, which means the data is wrong.
            if (isWorking && !WorkingDayCalendar.IsWeekend(date))
                throw new InvalidDataException($"{where}: {text} is a {date.DayOfWeek}, not a weekend day.");

            if (!days.TryAdd(date, new CalendarDay(isWorking, name)))
                throw new InvalidDataException($"{where}: {text} is listed more than once.");
        }
    }

    private static string RequireString(JsonElement obj, string property, string where)
    {
        if (!obj.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(value.GetString()))
            throw new InvalidDataException($"{where}: \"{property}\" must be a non-empty string.");
        return value.GetString()!.Trim();
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string where)
    {
        if (element.ValueKind != kind)
            throw new InvalidDataException($"{where}: expected {kind}, found {element.ValueKind}.");
    }

    private static void RejectUnknown(JsonElement obj, HashSet<string> allowed, string where)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!allowed.Contains(property.Name) && !property.Name.StartsWith('$'))
                throw new InvalidDataException($"{where}: unknown property \"{property.Name}\".");
        }
    }
}
