using Fazhi.Contracts.IntegrationEvents;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Sources;

/// <summary>政府信息公开 (docs/domain.md §4): requests and publication days, <see cref="DisclosureFigures"/>.</summary>
public static class DisclosureSource
{
    public static ReportSource<DisclosureCaseChanged> Create() => new()
    {
        Name = "disclosure",
        PeriodCounters = DisclosureMetrics.PeriodCounters,
        StateCounters = DisclosureMetrics.StateCounters,
        Compose = DisclosureFigures.Compose,
        Identify = changed => (changed.CaseId, changed.Version),
        Contributions = DisclosureFigures.Of,
    };
}
