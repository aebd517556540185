using Fazhi.FaultRunner.Faults;
using Fazhi.FaultRunner.Harness;

namespace Fazhi.Demo.Tests.FaultRunner;

public sealed class RunnerOptionsTests
{
    [Fact]
    public void Without_arguments_it_is_the_bounded_run_of_every_fault_on_ports_clear_of_the_dev_services_and_the_bench()
    {
        var (options, error) = RunnerOptions.Parse([]);

        Assert.Null(error);
        Assert.Equal(FaultCatalog.Names, options!.Faults);
        Assert.Equal(10, options.Faults.Count);
        Assert.Null(options.Soak);
        Assert.Equal("Release", options.Configuration);
        Assert.Equal((55432, 5682, 15682, 25682), (options.PostgresPort, options.AmqpPort, options.ManagementPort, options.DistributionPort));
        Assert.Equal(5231, options.HttpPort);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReportingOutage);
        Assert.Equal(TimeSpan.FromSeconds(10), options.BrokerOutage);
    }

    [Fact]
    public void Faults_are_taken_in_the_order_given_and_kill_means_the_five_kills()
    {
        var (options, error) = RunnerOptions.Parse(["--faults", "hostile, kill ,broker-stop"]);

        Assert.Null(error);
        Assert.Equal(
            ["hostile", "kill-reconsideration", "kill-litigation", "kill-enforcement", "kill-disclosure", "kill-reporting", "broker-stop"],
            options!.Faults);
        Assert.All(options.Faults, name => Assert.Equal(name, FaultCatalog.Create(name).Name));
    }

    [Theory]
    [InlineData("--faults", "kill-everything")]
    [InlineData("--faults", ",")]
    [InlineData("--soak", "2 hours")]
    [InlineData("--soak", "0s")]
    [InlineData("--soak", "15")]
    [InlineData("--postgres-restart", "smart")]
    [InlineData("--pg-port", "80")]
    [InlineData("--parallel", "0")]
    [InlineData("--work", "/")]
    [InlineData("--frobnicate", "1")]
    public void What_it_does_not_understand_is_refused_with_a_message(string option, string value)
    {
        var (options, error) = RunnerOptions.Parse([option, value]);

        Assert.Null(options);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void An_option_without_its_value_is_refused()
    {
        var (options, error) = RunnerOptions.Parse(["--soak"]);

        Assert.Null(options);
        Assert.Contains("--soak", error);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("45m", 45 * 60)]
    [InlineData("2h", 2 * 3600)]
    [InlineData("1h30m", 90 * 60)]
    [InlineData("01:30:00", 90 * 60)]
    public void A_soak_is_a_duration(string value, int seconds)
    {
        var (options, error) = RunnerOptions.Parse(["--soak", value, "--postgres-restart", "immediate", "--keep"]);

        Assert.Null(error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), options!.Soak);
        Assert.True(options.CrashRestart);
        Assert.True(options.Keep);
    }
}
