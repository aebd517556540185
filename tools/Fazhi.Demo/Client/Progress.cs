using System.Diagnostics;

namespace Fazhi.Demo.Client;

/// <summary>How far one part of the demo has got: items done of the total, and how many were already logged before.</summary>
public sealed class Progress(string name, int total)
{
    private int _done;
    private int _resumed;

    public string Name { get; } = name;
    public int Total { get; } = total;
    public int Done => _done;
    /// <summary>Items a previous run had already logged (wholly or partly): the services returned them as they were.</summary>
    public int Resumed => _resumed;
    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public TimeSpan? Elapsed { get; private set; }

    public void Step() => Interlocked.Increment(ref _done);
    public void Step(int n) => Interlocked.Add(ref _done, n);
    public void Found() => Interlocked.Increment(ref _resumed);
    public void Found(int n) => Interlocked.Add(ref _resumed, n);
    public void Finish() => Elapsed = Clock.Elapsed;

    public override string ToString() => $"{Name} {Done}/{Total}";
}
