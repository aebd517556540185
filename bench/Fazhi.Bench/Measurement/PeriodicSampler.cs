namespace Fazhi.Bench.Measurement;

/// <summary>Samples a value every interval in the background (e.g. the outbox backlog) and keeps the largest.</summary>
public sealed class PeriodicSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _max;

    public int Samples { get; private set; }
    public long Max => Interlocked.Read(ref _max);
    public string? LastError { get; private set; }

    public PeriodicSampler(TimeSpan interval, Func<CancellationToken, Task<long>> sample)
    {
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            do
            {
                try
                {
                    var value = await sample(_stop.Token);
                    if (value > Max) Interlocked.Exchange(ref _max, value);
                    Samples++;
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed sample leaves a gap; it must not end the sampling or the run.
                    LastError = ex.Message;
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
