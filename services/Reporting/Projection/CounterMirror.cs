using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Projection;

/// <summary>
/// The daily counters held in memory as one Fenwick tree per (org, metric, year), so a YTD figure for a district or
/// a city is a handful of O(log 366) prefix sums instead of a scan of daily rows. It is loaded from the database at
/// start-up and then changed only by the projector, right after each commit, with exactly the deltas it committed.
/// One reporting replica owns it: a second replica would not see the first one's commits (see README).
/// </summary>
public sealed class CounterMirror
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<(string Metric, int Year), YearCounter>> _byOrg = new(StringComparer.Ordinal);

    public void Apply(IEnumerable<Contribution> deltas)
    {
        lock (_lock)
        {
            foreach (var d in deltas)
            {
                if (!_byOrg.TryGetValue(d.Org, out var metrics)) _byOrg[d.Org] = metrics = [];
                if (!metrics.TryGetValue((d.Metric, d.Day.Year), out var counter)) metrics[(d.Metric, d.Day.Year)] = counter = new YearCounter();
                counter.Add(d.Day.DayOfYear, d.Delta);
            }
        }
    }

    public void Clear()
    {
        lock (_lock) _byOrg.Clear();
    }

    /// <summary>
    /// Sums per metric over every organisation under <paramref name="orgPrefix"/>: period metrics over
    /// [from, to] (within one year), state metrics over every day up to <paramref name="to"/>.
    /// </summary>
    public Dictionary<string, long> Sum(string orgPrefix, DateOnly from, DateOnly to, IReadOnlyCollection<string> periodMetrics, IReadOnlyCollection<string> stateMetrics)
    {
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var (org, metrics) in _byOrg)
            {
                if (!org.StartsWith(orgPrefix, StringComparison.Ordinal)) continue;
                foreach (var ((metric, year), counter) in metrics)
                {
                    long value;
                    if (periodMetrics.Contains(metric))
                    {
                        if (year != to.Year) continue;
                        value = counter.Prefix(to.DayOfYear) - counter.Prefix(from.DayOfYear - 1);
                    }
                    else if (stateMetrics.Contains(metric))
                    {
                        if (year > to.Year) continue;
                        value = year < to.Year ? counter.Total : counter.Prefix(to.DayOfYear);
                    }
                    else continue;
                    sums[metric] = sums.GetValueOrDefault(metric) + value;
                }
            }
        }
        return sums;
    }

    /// <summary>A Fenwick (binary indexed) tree over the days of one year.</summary>
    private sealed class YearCounter
    {
        private readonly long[] _tree = new long[367];

        public long Total { get; private set; }

        public void Add(int dayOfYear, long delta)
        {
            Total += delta;
            for (var i = dayOfYear; i < _tree.Length; i += i & -i) _tree[i] += delta;
        }

        public long Prefix(int dayOfYear)
        {
            long sum = 0;
            for (var i = dayOfYear; i > 0; i -= i & -i) sum += _tree[i];
            return sum;
        }
    }
}
