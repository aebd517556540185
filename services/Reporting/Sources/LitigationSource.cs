using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Sources;

/// <summary>行政应诉 and 负责人出庭 (docs/domain.md §2): <see cref="LitigationFigures"/>.</summary>
public static class LitigationSource
{
    public static ReportSource<LitigationCaseChanged> Create() => new()
    {
        Name = "litigation",
        PeriodCounters = LitigationMetrics.PeriodCounters,
        StateCounters = LitigationMetrics.StateCounters,
        Compose = LitigationFigures.Compose,
        Identify = changed => (changed.CaseId, changed.Version),
        Contributions = LitigationFigures.Of,
    };
}
