using Fazhi.Bench.Workloads.CreateProtocols;
using Fazhi.Bench.Workloads.Disclosure;
using Fazhi.Bench.Workloads.Enforcement;
using Fazhi.Bench.Workloads.Litigation;
using Fazhi.Bench.Workloads.Overload;
using Fazhi.Bench.Workloads.Reconsideration;

namespace Fazhi.Bench.Workloads;

/// <summary>Every workload, in the order they run. Intake runs first so memory peaks are the intake's.</summary>
public static class WorkloadRegistry
{
    public static readonly IReadOnlyList<IWorkload> All =
    [
        new IntakeWorkload(),
        new LitigationIntakeWorkload(),
        new EnforcementIntakeWorkload(),
        new DisclosureIntakeWorkload(),
        new CreateProtocolsWorkload(),
        new FreshnessWorkload(),
        new YtdQueryWorkload(),
        new OverloadWorkload(),
    ];

    public static IReadOnlyList<IWorkload> Select(IReadOnlySet<string> only)
    {
        if (only.Count == 0) return All.Where(w => !w.OnlyWhenAsked).ToList();
        var unknown = only.Where(name => !All.Any(w => Matches(w, name))).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown workload {string.Join(", ", unknown)}; known: {string.Join(", ", All.SelectMany(w => w.Aliases.Prepend(w.Name)))}");
        return All.Where(w => only.Any(name => Matches(w, name))).ToList();
    }

    private static bool Matches(IWorkload workload, string name) =>
        workload.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || workload.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);
}
