using System.Globalization;

namespace Fazhi.Reporting.Figures;

/// <summary>A figure against the same period last year, as the report writes it: 66 against 110 is "下降40%".</summary>
public static class YearOnYear
{
    /// <summary>The change as a fraction of last year's figure (66 against 110: -0.4); null when last year had none.</summary>
    public static double? Change(double current, double previous) => previous == 0 ? null : (current - previous) / previous;

    /// <summary>"增长25%", "下降40%", "持平"; "去年同期为0" when there is nothing to compare with. Whole percent, rounded half up.</summary>
    public static string Describe(double current, double previous)
    {
        if (Change(current, previous) is not { } change) return current == 0 ? "持平" : "去年同期为0";
        var percent = Math.Round(Math.Abs(change) * 100, MidpointRounding.AwayFromZero);
        if (percent == 0) return "持平";
        return (change > 0 ? "增长" : "下降") + percent.ToString(CultureInfo.InvariantCulture) + "%";
    }
}
