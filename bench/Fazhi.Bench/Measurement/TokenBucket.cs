using System.Diagnostics;

namespace Fazhi.Bench.Measurement;

/// <summary>
/// Paces all clients of a load together to a target rate. Each taker reserves the next free slot (slots are 1/rate
/// apart) and waits for it; a small burst allowance lets clients catch up after a slow call instead of the load
/// dropping below the rate, without letting them stampede after a long stall.
/// </summary>
public sealed class TokenBucket
{
    private readonly long _interval;
    private readonly long _burst;
    private long _next;

    public double Rate { get; }

    public TokenBucket(double perSecond, int burst = 20)
    {
        Rate = perSecond;
        _interval = (long)(Stopwatch.Frequency / perSecond);
        _burst = _interval * burst;
        _next = Stopwatch.GetTimestamp();
    }

    public Task TakeAsync(CancellationToken cancellationToken)
    {
        long slot;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var next = Volatile.Read(ref _next);
            slot = Math.Max(next, now - _burst);
            if (Interlocked.CompareExchange(ref _next, slot + _interval, next) == next) break;
        }
        var wait = slot - Stopwatch.GetTimestamp();
        // Timers tick in milliseconds: a slot less than one away is taken now, which evens out across takers.
        return wait < Stopwatch.Frequency / 1000
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
    }
}
