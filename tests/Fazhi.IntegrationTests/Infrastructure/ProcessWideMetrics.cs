using Xunit;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that count measurements with a <see cref="System.Diagnostics.Metrics.MeterListener"/>: the listener hears every
/// host in the test process, so these run while no other test class does, or another class's dead letters and refused
/// events would be counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    public const string Name = "process-wide metrics";
}
