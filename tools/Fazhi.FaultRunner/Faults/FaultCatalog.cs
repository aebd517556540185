namespace Fazhi.FaultRunner.Faults;

/// <summary>The faults by name, in the default order of a cycle.</summary>
public static class FaultCatalog
{
    public static readonly IReadOnlyList<string> Names =
    [
        .. Services.All.Select(s => $"kill-{s}"),
        "broker-stop", "postgres-restart", "reporting-db-outage", "replay", "hostile",
    ];

    /// <summary>A comma-separated list of names (kill = the five service kills), in the order given.</summary>
    public static IReadOnlyList<string> ParseList(string value)
    {
        var names = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "all") names.AddRange(Names);
            else if (part == "kill") names.AddRange(Services.All.Select(s => $"kill-{s}"));
            else if (Names.Contains(part)) names.Add(part);
            else throw new FormatException($"unknown fault '{part}'; known: {string.Join(", ", Names)}, kill, all");
        }
        return names.Count > 0 ? names : throw new FormatException("--faults needs at least one fault");
    }

    public static Fault Create(string name) => name switch
    {
        "broker-stop" => new BrokerStop(),
        "postgres-restart" => new PostgresRestart(),
        "reporting-db-outage" => new ReportingDatabaseOutage(),
        "replay" => new ReplayEvents(),
        "hostile" => new HostileEvents(),
        _ when name.StartsWith("kill-", StringComparison.Ordinal) && Services.All.Contains(name[5..]) => new ServiceKill(name[5..]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown fault"),
    };
}
