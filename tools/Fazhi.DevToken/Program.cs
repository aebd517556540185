using System.Globalization;
using Fazhi.ServiceDefaults.Auth;

// Mints a development token: dotnet run --project tools/Fazhi.DevToken -- --role reconsideration-clerk --org 410105
// Signed with Auth__DevSigningKey if set, else the services' built-in Development key. Prints only the token.
const string usage = """
    usage: Fazhi.DevToken --role <role> --org <organisation code> [--user <id>] [--hours <lifetime>] [--key <signing key>]
    roles: reconsideration-clerk, litigation-liaison, enforcement-reviewer, disclosure-officer, statistics-viewer, administrator
    """;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(usage);
        return 2;
    }
    options[args[i][2..]] = args[++i];
}

if (!options.TryGetValue("role", out var role) || !FazhiRoles.All.Contains(role))
{
    Console.Error.WriteLine($"--role must be one of: {string.Join(", ", FazhiRoles.All)}\n{usage}");
    return 2;
}
if (!options.TryGetValue("org", out var org) || org.Length < 2 || !org.All(char.IsAsciiLetterOrDigit))
{
    Console.Error.WriteLine($"--org must be an organisation code or prefix such as 410105 or 4101\n{usage}");
    return 2;
}
var hours = options.TryGetValue("hours", out var h) ? double.Parse(h, CultureInfo.InvariantCulture) : 8;
var key = options.GetValueOrDefault("key")
    ?? Environment.GetEnvironmentVariable("Auth__DevSigningKey")
    ?? DevTokens.DevelopmentKey;
var user = options.GetValueOrDefault("user") ?? $"dev-{role}-{org}";

Console.WriteLine(DevTokens.Mint(user, role, org, key, TimeSpan.FromHours(hours)));
return 0;
