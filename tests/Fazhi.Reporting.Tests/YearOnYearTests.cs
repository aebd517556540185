using Fazhi.Reporting.Figures;

namespace Fazhi.Reporting.Tests;

public sealed class YearOnYearTests
{
    [Theory]
    [InlineData(66, 110, "下降40%")]   // the 2023 report's sentence
    [InlineData(125, 100, "增长25%")]
    [InlineData(100, 100, "持平")]
    [InlineData(1000, 999, "持平")]    // +0.1% rounds to no change
    [InlineData(3, 0, "去年同期为0")]
    [InlineData(0, 0, "持平")]
    [InlineData(199, 200, "下降1%")]   // 0.5% rounds half up, away from zero
    public void A_change_is_written_as_the_report_writes_it(double current, double previous, string expected) =>
        Assert.Equal(expected, YearOnYear.Describe(current, previous));

    [Fact]
    public void The_change_is_a_fraction_of_last_years_figure()
    {
        Assert.Equal(-0.4, YearOnYear.Change(66, 110)!.Value, 12);
        Assert.Null(YearOnYear.Change(5, 0));
    }
}
