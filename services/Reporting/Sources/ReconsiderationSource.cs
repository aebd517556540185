using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Sources;

/// <summary>行政复议 (docs/domain.md §1): the mapping is <see cref="ReconsiderationFigures.Of"/>, the keys <see cref="ReportFigures.Compose"/>.</summary>
public static class ReconsiderationSource
{
    public static ReportSource<ReconsiderationCaseChanged> Create() => new()
    {
        Name = "reconsideration",
        PeriodCounters = ReconsiderationMetrics.PeriodCounters,
        StateCounters = ReconsiderationMetrics.StateCounters,
        Compose = sums => ReportFigures.Compose(sums),
        Identify = changed => (changed.CaseId, changed.Version),
        Contributions = ReconsiderationFigures.Of,
    };
}
