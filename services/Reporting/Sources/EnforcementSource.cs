using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Sources;

/// <summary>案卷评查 and 专项整治 (docs/domain.md §3): <see cref="EnforcementFigures"/>; reviews, campaigns and departments share one event.</summary>
public static class EnforcementSource
{
    public static ReportSource<EnforcementCaseChanged> Create() => new()
    {
        Name = "enforcement",
        PeriodCounters = EnforcementMetrics.PeriodCounters,
        StateCounters = EnforcementMetrics.StateCounters,
        Compose = EnforcementFigures.Compose,
        Identify = changed => (changed.CaseId, changed.Version),
        Contributions = EnforcementFigures.Of,
        Labels = EnforcementFigures.LabelsOf,
    };
}
