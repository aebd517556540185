using Fazhi.Bench.Output;

namespace Fazhi.Bench.Workloads;

/// <summary>
/// One kind of load and the figures it yields. A new service adds its workloads as classes of its own and one line
/// each in <see cref="WorkloadRegistry"/>; they get the running system through <see cref="BenchContext"/>.
/// </summary>
public interface IWorkload
{
    /// <summary>The name `--only` selects it by.</summary>
    string Name { get; }

    /// <summary>Other names `--only` accepts for it (a figure it also produces, such as memory from intake).</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>Left out of the default full run; `--only` must name it (a stress check, not a figure of the record).</summary>
    bool OnlyWhenAsked => false;

    Task<IReadOnlyList<Figure>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
