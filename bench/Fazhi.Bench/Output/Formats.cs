using System.Globalization;

namespace Fazhi.Bench.Output;

/// <summary>Number formats of the results table.</summary>
public static class Formats
{
    /// <summary>Milliseconds with the precision that matters at their size: 0.42 ms, 9.1 ms, 312 ms.</summary>
    public static string Ms(double ms) => ms switch
    {
        double.NaN => "n/a",
        < 10 => ms.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("N0", CultureInfo.InvariantCulture) + " ms",
    };

    public static string RunsText(int runs) => runs == 1 ? "1 run" : $"{runs} runs";
}
