using Fazhi.FaultRunner.Faults;
using Fazhi.FaultRunner.Harness;

namespace Fazhi.Demo.Tests.FaultRunner;

public sealed class RunReportTests
{
    private static readonly RunnerOptions TwoFaults = RunnerOptions.Parse(["--faults", "kill-reporting,hostile"]).Options!;

    private static FaultRecord Fault(string name, string? error = null) =>
        new(1, name, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(3), "observed", error);

    private static CheckResult Check(string name, bool ok) => new(name, ok, ok ? "fine" : "3 differ", ok ? [] : ["differs: x"], TimeSpan.Zero);

    [Fact]
    public void Every_fault_injected_and_every_check_passed_is_a_pass_with_exit_code_0()
    {
        var report = new RunReport(TwoFaults);
        report.Faults.AddRange([Fault("kill-reporting"), Fault("hostile")]);
        report.Checks.AddRange([Check("figures", true), Check("dead letters", true)]);

        Assert.Empty(report.Failures());
        using var output = new StringWriter();
        Assert.Equal(0, report.Print(output));
        Assert.EndsWith("fault run: PASSED", output.ToString().TrimEnd());
    }

    [Fact]
    public void A_failed_check_a_failed_fault_and_a_fault_never_injected_each_fail_the_run()
    {
        var report = new RunReport(TwoFaults);
        report.Faults.Add(Fault("kill-reporting", "TimeoutException: reporting was not ready within 120 s"));
        report.Checks.AddRange([Check("figures", false), Check("dead letters", true)]);

        var failures = report.Failures();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("fault kill-reporting", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("check figures", StringComparison.Ordinal));
        Assert.Contains(failures, f => f == "faults not injected: hostile");
        using var output = new StringWriter();
        Assert.Equal(1, report.Print(output));
        Assert.Contains("fault run: FAILED (", output.ToString());
    }

    [Fact]
    public void A_run_where_no_check_ran_cannot_pass()
    {
        var report = new RunReport(TwoFaults);
        report.Faults.AddRange([Fault("kill-reporting"), Fault("hostile")]);

        Assert.Contains("no check ran", report.Failures());
    }
}
