namespace Fazhi.Demo.Tests;

public sealed class DemoOptionsTests
{
    [Fact]
    public void Without_arguments_it_logs_jinshui_and_zhongyuan_on_the_local_ports()
    {
        var (options, error) = DemoOptions.Parse([]);

        Assert.Null(error);
        Assert.Equal("410105", options!.Org);
        Assert.Equal("410102", options.SecondOrg);
        Assert.Equal(new Uri("http://localhost:5101/"), options.Reconsideration);
        Assert.Equal(new Uri("http://localhost:5105/"), options.Reporting);
        Assert.False(options.Check);
    }

    [Fact]
    public void Options_set_the_districts_the_urls_and_the_check()
    {
        var (options, error) = DemoOptions.Parse(["--org", "410103", "--second-org", "none", "--reporting", "http://10.0.0.5:8080", "--check", "--seed", "7"]);

        Assert.Null(error);
        Assert.Equal("410103", options!.Org);
        Assert.Null(options.SecondOrg);
        Assert.Equal(new Uri("http://10.0.0.5:8080/"), options.Reporting);
        Assert.True(options.Check);
        Assert.Equal(7, options.Seed);
    }

    [Theory]
    [InlineData("--org", "4101")]
    [InlineData("--org", "41010A")]
    [InlineData("--seed", "many")]
    [InlineData("--frobnicate", "1")]
    public void Arguments_it_does_not_understand_are_an_error(string name, string value)
    {
        var (options, error) = DemoOptions.Parse([name, value]);

        Assert.Null(options);
        Assert.NotNull(error);
    }

    [Fact]
    public void The_second_district_must_differ_from_the_first()
    {
        Assert.NotNull(DemoOptions.Parse(["--org", "410102"]).Error);
    }
}
