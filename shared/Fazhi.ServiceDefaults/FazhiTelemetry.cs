using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Fazhi.ServiceDefaults;

/// <summary>The activity source and meter of Fazhi's own spans and instruments (outbox relay, consumers, commands).</summary>
public static class FazhiTelemetry
{
    public const string Name = "Fazhi";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
