namespace Fazhi.Reporting.Validation;

/// <summary>
/// The bounds an incoming event must keep (configuration section Reporting:EventChecks). The defaults are far beyond
/// anything the domain services produce; a deployment widens one only after finding a real event refused by it, and
/// then re-drives the refused messages (tools/Fazhi.Redrive).
/// </summary>
public sealed class EventLimits
{
    public const string Section = "Reporting:EventChecks";

    /// <summary>No business date before this: the statutes counted here post-date it, and so do the oldest archives.</summary>
    public DateOnly Earliest { get; set; } = new(1990, 1, 1);

    /// <summary>
    /// A date that has happened (received, decided, judged, found, concluded…) may be at most this many days after
    /// today in China: the domain services refuse future dates, and one day absorbs clocks and midnight in transit.
    /// </summary>
    public int HappenedSlackDays { get; set; } = 1;

    /// <summary>A date that is planned (a deadline, a hearing, a campaign's end, acceptance by law) within this many years.</summary>
    public int PlannedYearsAhead { get; set; } = 10;

    /// <summary>
    /// The highest version accepted. A case's version grows by one per change, so a real case stays in the hundreds
    /// (a publication day, changed once per publication call, in the thousands). Only an absolute bound is checked,
    /// not a jump from the version last applied: a case first seen at version 5 is legitimate (a rebuild, a reset
    /// source), and a large jump on a known case cannot be told from events that were dead-lettered in between.
    /// </summary>
    public long MaxVersion { get; set; } = 100_000;

    /// <summary>Most items in one event's list (notices, problems, hearings, deadlines).</summary>
    public int MaxItems { get; set; } = 10_000;

    /// <summary>Most items one organisation can publish proactively on one day.</summary>
    public int MaxPublishedPerDay { get; set; } = 1_000_000;
}
