using Fazhi.Reporting.Sources;

namespace Fazhi.Reporting.Tests;

public sealed class ReportSourcesTests
{
    private static readonly ReportSources Both = new ReportSources().Add(ReconsiderationSource.Create()).Add(LitigationSource.Create());

    [Fact]
    public void Every_registered_sources_keys_are_composed_and_none_are_dropped()
    {
        var figures = Both.Compose(new Dictionary<string, long> { ["reconsideration.received"] = 5, ["litigation.notices"] = 4, ["litigation.appearances"] = 3 });
        Assert.Equal(5, figures["reconsideration.received"]);
        Assert.Equal(4, figures["litigation.notices"]);
        Assert.Equal(0.75, figures["litigation.appearance_rate"]);
        Assert.Contains("reconsideration.pending", figures.Keys);
        Assert.Equal(8 + 10, figures.Keys.Count(k => k.StartsWith("litigation.", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_queries_read_every_sources_counters()
    {
        Assert.Contains("litigation.first_instance_received", Both.PeriodCounters);
        Assert.Contains("reconsideration.received", Both.PeriodCounters);
        Assert.Contains("reconsideration.pending.change", Both.StateCounters);
    }

    [Fact]
    public void A_source_is_registered_once_and_keeps_its_counters_under_its_own_name()
    {
        Assert.Throws<InvalidOperationException>(() => new ReportSources().Add(LitigationSource.Create()).Add(LitigationSource.Create()));
        var stray = LitigationSource.Create();
        var renamed = new Fazhi.Reporting.Sources.ReportSource<Fazhi.Contracts.IntegrationEvents.LitigationCaseChanged>
        {
            Name = "courts", PeriodCounters = stray.PeriodCounters, StateCounters = [], Compose = stray.Compose,
            Identify = stray.Identify, Contributions = stray.Contributions,
        };
        // Reset removes a source's counters by its name's prefix: counters outside it would survive a reset.
        Assert.Throws<InvalidOperationException>(() => new ReportSources().Add(renamed));
        Assert.True(Both.Contains("litigation"));
        Assert.False(Both.Contains("enforcement"));
    }
}
