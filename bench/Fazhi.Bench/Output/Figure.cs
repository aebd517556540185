namespace Fazhi.Bench.Output;

/// <summary>Miss: a goal not reached. Fail: a correctness check failed (the bench then exits non-zero).</summary>
public enum Verdict { Pass, Miss, Info, NotMeasured, Fail }

/// <summary>One row of the results table: what was measured, the result, the goal it is held to, and how.</summary>
public sealed record Figure(string Name, string Result, string Goal, Verdict Verdict, string Method)
{
    public static Verdict Check(bool met) => met ? Verdict.Pass : Verdict.Miss;

    public static Figure NotMeasured(string name, string goal, string why) => new(name, "—", goal, Verdict.NotMeasured, why);
}
