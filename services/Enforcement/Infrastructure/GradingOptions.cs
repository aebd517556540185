using Fazhi.Enforcement.Domain;

namespace Fazhi.Enforcement.Infrastructure;

/// <summary>
/// Grade thresholds per organisation, section <c>Enforcement:GradeThresholds:&lt;org&gt;</c> with keys Excellent, Good
/// and Passed (e.g. <c>Enforcement__GradeThresholds__410105__Excellent=95</c>). The entry of the longest code prefix of
/// an organisation applies (a city's entry covers its districts); without one, <see cref="GradeThresholds.Default"/>.
/// </summary>
public sealed class GradingOptions
{
    public const string Section = "Enforcement";

    public Dictionary<string, ThresholdEntry> GradeThresholds { get; set; } = new(StringComparer.Ordinal);

    public GradeThresholds For(string org)
    {
        var entry = GradeThresholds
            .Where(e => org.StartsWith(e.Key, StringComparison.Ordinal))
            .OrderByDescending(e => e.Key.Length)
            .Select(e => e.Value)
            .FirstOrDefault();
        return entry is null ? Domain.GradeThresholds.Default : entry.ToThresholds();
    }

    public sealed class ThresholdEntry
    {
        public decimal Excellent { get; set; } = Domain.GradeThresholds.Default.Excellent;
        public decimal Good { get; set; } = Domain.GradeThresholds.Default.Good;
        public decimal Passed { get; set; } = Domain.GradeThresholds.Default.Passed;

        public GradeThresholds ToThresholds() => new(Excellent, Good, Passed);
    }
}
