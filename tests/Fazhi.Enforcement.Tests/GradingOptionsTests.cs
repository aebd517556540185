using Fazhi.Enforcement.Domain;
using Fazhi.Enforcement.Infrastructure;

namespace Fazhi.Enforcement.Tests;

public sealed class GradingOptionsTests
{
    private static readonly GradingOptions Options = new()
    {
        GradeThresholds =
        {
            ["4101"] = new GradingOptions.ThresholdEntry { Excellent = 92 },
            ["410105"] = new GradingOptions.ThresholdEntry { Excellent = 95, Good = 85, Passed = 70 },
        },
    };

    [Fact]
    public void The_longest_matching_code_prefix_sets_an_organisation_s_thresholds()
    {
        Assert.Equal(new GradeThresholds(95, 85, 70), Options.For("410105"));
        Assert.Equal(new GradeThresholds(95, 85, 70), Options.For("410105A01"));
        // A city's entry covers its other districts; keys it leaves out keep their defaults.
        Assert.Equal(new GradeThresholds(92, 80, 60), Options.For("410102"));
        Assert.Equal(GradeThresholds.Default, Options.For("410202"));
        Assert.Equal(GradeThresholds.Default, new GradingOptions().For("410105"));
    }
}
