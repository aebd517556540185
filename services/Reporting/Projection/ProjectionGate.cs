namespace Fazhi.Reporting.Projection;

/// <summary>
/// Lets any number of projector batches run together, but a reset of the store alone: a batch holds the gate from
/// its first statement until the mirror has its deltas, so a reset never interleaves a truncation with a commit
/// whose deltas then land in an emptied mirror.
/// </summary>
public sealed class ProjectionGate
{
    private const int MaxShared = 256;
    private readonly SemaphoreSlim _slots = new(MaxShared, MaxShared);
    private readonly SemaphoreSlim _exclusive = new(1, 1);

    public async Task<IDisposable> EnterSharedAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Release(() => _slots.Release());
    }

    public async Task<IDisposable> EnterExclusiveAsync(CancellationToken cancellationToken)
    {
        await _exclusive.WaitAsync(cancellationToken);
        var taken = 0;
        try
        {
            for (; taken < MaxShared; taken++) await _slots.WaitAsync(cancellationToken);
        }
        catch
        {
            if (taken > 0) _slots.Release(taken);
            _exclusive.Release();
            throw;
        }
        return new Release(() =>
        {
            _slots.Release(MaxShared);
            _exclusive.Release();
        });
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
