namespace Fazhi.Calendar;

public sealed partial class WorkingDayCalendar
{
    private const string DefaultResourceName = "Fazhi.Calendar.cn-statecouncil.json";

    // Lazy<T> defaults to ExecutionAndPublication, so the resource is parsed once even under contention.
    private static readonly Lazy<WorkingDayCalendar> DefaultCalendar = new(LoadEmbedded);

    /// <summary>The State Council schedules shipped with this library (see README for sources).</summary>
    public static WorkingDayCalendar Default => DefaultCalendar.Value;

    /// <summary>
    /// Loads a calendar in the same JSON format as the embedded one. It replaces the default
    /// entirely rather than merging, so the version string always describes all of the data.
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is malformed or contradicts itself.</exception>
    public static WorkingDayCalendar Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return CalendarJsonReader.Read(json);
    }

    /// <inheritdoc cref="Load(Stream)"/>
    public static WorkingDayCalendar FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    private static WorkingDayCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded calendar resource '{DefaultResourceName}' is missing.");
        return Load(stream);
    }
}
