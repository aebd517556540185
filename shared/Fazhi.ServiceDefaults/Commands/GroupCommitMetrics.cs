using System.Diagnostics.Metrics;

namespace Fazhi.ServiceDefaults.Commands;

public static class GroupCommitMetrics
{
    /// <summary>Commands per saved transaction: near 1 when idle, the batch size under load.</summary>
    public static readonly Histogram<int> CommandsPerTransaction =
        FazhiTelemetry.Meter.CreateHistogram<int>("fazhi.group_commit.commands", "{command}", "Commands saved in one group-commit transaction");

    /// <summary>Commands refused because their writer's queue was full (overload).</summary>
    public static readonly Counter<long> Refused =
        FazhiTelemetry.Meter.CreateCounter<long>("fazhi.group_commit.refused", "{command}", "Commands refused because the queue was full");
}
