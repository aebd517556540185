using System.Globalization;

namespace Fazhi.Demo;

/// <summary>The command line: service URLs, which districts, the seed, and whether to check afterwards.</summary>
public sealed record DemoOptions
{
    public const string Usage = """
        usage: dotnet run --project tools/Fazhi.Demo -- [options]

        Logs a demo year through the services' public JSON APIs: 金水区 (410105) 2023 as the worked example of
        docs/domain.md states it, with 2022 before it (for the year-on-year figures) and the cases still open at
        the end of 2023 closed in early 2024; and 中原区 (410102), smaller, so that the city (4101) sums two districts.
        Running it again adds nothing: every create carries a requestId derived from the seed.

        options:
          --org <code>              the district that gets the worked example's figures (default 410105)
          --second-org <code|none>  the smaller second district (default 410102; none: only --org)
          --seed <n>                varies dates and details, never the counts (default 2023)
          --check                   afterwards, read the 2023 YTD figures from reporting and print expected
                                    and actual per key; exit 1 on a mismatch
          --check-only              only the check (nothing is sent)
          --wait <seconds>          how long the check waits for reporting to catch up (default 120)
          --parallel <n>            cases in flight per service (default 8)
          --reconsideration <url>   default http://localhost:5101
          --litigation <url>        default http://localhost:5102
          --enforcement <url>       default http://localhost:5103
          --disclosure <url>        default http://localhost:5104
          --reporting <url>         default http://localhost:5105
          --key <signing key>       development token key (default: Auth__DevSigningKey, else the services'
                                    built-in Development key, as tools/Fazhi.DevToken)
          --help
        """;

    public string Org { get; init; } = "410105";
    public string? SecondOrg { get; init; } = "410102";
    public int Seed { get; init; } = 2023;
    public bool Check { get; init; }
    public bool CheckOnly { get; init; }
    public int WaitSeconds { get; init; } = 120;
    public int Parallel { get; init; } = 8;
    public Uri Reconsideration { get; init; } = new("http://localhost:5101/");
    public Uri Litigation { get; init; } = new("http://localhost:5102/");
    public Uri Enforcement { get; init; } = new("http://localhost:5103/");
    public Uri Disclosure { get; init; } = new("http://localhost:5104/");
    public Uri Reporting { get; init; } = new("http://localhost:5105/");
    public string? Key { get; init; }
    public bool Help { get; init; }

    /// <summary>Parses the arguments; an error message instead when they are not understood.</summary>
    public static (DemoOptions? Options, string? Error) Parse(string[] args)
    {
        var o = new DemoOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value");
            try
            {
                o = name switch
                {
                    "--help" or "-h" => o with { Help = true },
                    "--check" => o with { Check = true },
                    "--check-only" => o with { Check = true, CheckOnly = true },
                    "--org" => o with { Org = OrgCode(name, Value()) },
                    "--second-org" => o with { SecondOrg = Value() is var v && v == "none" ? null : OrgCode(name, v) },
                    "--seed" => o with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--wait" => o with { WaitSeconds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--parallel" => o with { Parallel = Math.Clamp(int.Parse(Value(), CultureInfo.InvariantCulture), 1, 64) },
                    "--reconsideration" => o with { Reconsideration = Url(Value()) },
                    "--litigation" => o with { Litigation = Url(Value()) },
                    "--enforcement" => o with { Enforcement = Url(Value()) },
                    "--disclosure" => o with { Disclosure = Url(Value()) },
                    "--reporting" => o with { Reporting = Url(Value()) },
                    "--key" => o with { Key = Value() },
                    _ => throw new FormatException($"unknown option {name}"),
                };
            }
            catch (Exception e) when (e is FormatException or OverflowException or UriFormatException)
            {
                return (null, e.Message);
            }
        }
        if (o.SecondOrg == o.Org) return (null, "--second-org must differ from --org");
        return (o, null);
    }

    // A district code: six digits (GB/T 2260), so that the city is its first four.
    private static string OrgCode(string option, string value) =>
        value.Length == 6 && value.All(char.IsAsciiDigit) ? value : throw new FormatException($"{option} must be a six-digit district code such as 410105");

    private static Uri Url(string value) => new(value.EndsWith('/') ? value : value + "/");
}
