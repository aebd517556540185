using System.Threading.Channels;
using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Projection;

/// <summary>
/// Tells the watchers of the figures (the live dashboard) that counters moved, right after the projector committed
/// them and put them into the mirror. Each watcher subscribes with its organisation prefix and year and is woken only
/// by commits that touched an organisation under that prefix in that year or an earlier one (earlier years carry the
/// state counters, such as pending, and the previous period). Raising never blocks and never waits for a watcher:
/// a watcher's wake-up is one slot that any number of commits fill at most once, so a burst costs a watcher one
/// recomputation, and the projector's cost is a scan of the subscriptions, nothing when there are none.
/// In-process only: a watcher hears the commits of its own replica (docs/architecture.md, "Live dashboard").
/// </summary>
public sealed class FiguresChanged
{
    private readonly Lock _lock = new();
    private Subscription[] _subscriptions = [];

    /// <summary>A wake-up for changes of <paramref name="orgPrefix"/> up to <paramref name="year"/>; dispose it to stop.</summary>
    public Subscription Subscribe(string orgPrefix, int year)
    {
        var subscription = new Subscription(this, orgPrefix, year);
        lock (_lock) _subscriptions = [.. _subscriptions, subscription];
        return subscription;
    }

    /// <summary>After a commit: wakes the subscriptions that the committed deltas concern.</summary>
    public void Raise(IReadOnlyCollection<Contribution> difference)
    {
        var subscriptions = Volatile.Read(ref _subscriptions);
        if (subscriptions.Length == 0 || difference.Count == 0) return;
        var touched = new HashSet<(string Org, int Year)>();
        foreach (var d in difference) touched.Add((d.Org, d.Day.Year));
        foreach (var subscription in subscriptions)
        {
            foreach (var (org, year) in touched)
            {
                if (year <= subscription.Year && org.StartsWith(subscription.OrgPrefix, StringComparison.Ordinal))
                {
                    subscription.Wake();
                    break;
                }
            }
        }
    }

    /// <summary>After the store was emptied or reloaded: every figure may have changed.</summary>
    public void RaiseEverything()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions)) subscription.Wake();
    }

    private void Remove(Subscription subscription)
    {
        lock (_lock) _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
    }

    public sealed class Subscription : IDisposable
    {
        private readonly FiguresChanged _owner;

        // One slot: a wake-up that is already waiting absorbs the next ones (DropWrite).
        private readonly Channel<bool> _wakeUps = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

        internal Subscription(FiguresChanged owner, string orgPrefix, int year)
        {
            _owner = owner;
            OrgPrefix = orgPrefix;
            Year = year;
        }

        public string OrgPrefix { get; }
        public int Year { get; }

        internal void Wake() => _wakeUps.Writer.TryWrite(true);

        /// <summary>Waits until something changed since the last wait returned.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _wakeUps.Reader.ReadAsync(cancellationToken);
        }

        public void Dispose() => _owner.Remove(this);
    }
}
