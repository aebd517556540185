using System.Diagnostics;
using Fazhi.Demo;
using Fazhi.Demo.Client;
using Fazhi.Demo.Plan;

// Logs a demo year through the services' public APIs (README, "Demo year"); --help lists the options.
var (options, error) = DemoOptions.Parse(args);
if (options is null || options.Help)
{
    (error is null ? Console.Out : Console.Error).WriteLine(error is null ? DemoOptions.Usage : $"{error}\n\n{DemoOptions.Usage}");
    return error is null ? 0 : 2;
}

DistrictProfile[] districts = options.SecondOrg is { } second
    ? [DistrictProfile.Jinshui(options.Org), DistrictProfile.Zhongyuan(second)]
    : [DistrictProfile.Jinshui(options.Org)];
var plan = DemoPlanner.Build(options.Seed, districts);
if (PlanRules.Violations(plan) is { Count: > 0 } violations)
{
    Console.Error.WriteLine($"[demo] the plan for seed {options.Seed} holds moves the law refuses:\n  {string.Join("\n  ", violations.Take(20))}");
    return 1;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
using var http = new SocketsHttpHandler { MaxConnectionsPerServer = options.Parallel * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
ApiClient Client(string name, Uri url) => new(new HttpClient(http, disposeHandler: false) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) }, name);
var apis = new DemoApis(Client("reconsideration", options.Reconsideration), Client("litigation", options.Litigation),
    Client("enforcement", options.Enforcement), Client("disclosure", options.Disclosure), Client("reporting", options.Reporting));
var tokens = new DemoTokens(options.Key ?? DemoTokens.DefaultKey);
var clock = Stopwatch.StartNew();

try
{
    if (!options.CheckOnly)
    {
        Console.WriteLine($"[demo] seed {options.Seed}: {string.Join(", ", plan.Districts.Select(d => $"{d.Profile.Name} {d.Org}"))}, " +
            $"{string.Join("–", DistrictProfile.Years)} (and the endings of what was open in {DistrictProfile.Years[^1] + 1}); {options.Parallel} in flight per service");
        var sender = new DemoSender(apis, tokens, options.Parallel, Console.Out);
        await sender.SendAsync(plan, cancel.Token);
        Console.WriteLine($"[demo] sent in {clock.Elapsed.TotalSeconds:0.0}s:");
        foreach (var part in sender.Parts)
        {
            Console.WriteLine($"  {part.Name,-34} {part.Total,6}  ({part.Resumed} found logged by an earlier run)  {part.Elapsed?.TotalSeconds:0.0}s");
        }
        Console.WriteLine($"  requests: {string.Join(", ", apis.All.Select(a => $"{a.Service} {a.Requests}" + (a.Retries > 0 ? $" ({a.Retries} retried)" : "")))}");
        if (sender.Resumed > 0) Console.WriteLine($"  cases resumed after a lost answer: {sender.Resumed}");
        foreach (var warning in sender.Warnings) Console.WriteLine($"[demo] WARNING: {warning}");
    }
    var viewer = tokens.For(Fazhi.ServiceDefaults.Auth.FazhiRoles.StatisticsViewer, options.Org[..4]);
    Console.WriteLine($"[demo] figures: curl -s '{options.Reporting}v1/reports/{options.Org}/years/2023:ytd' -H 'authorization: Bearer {viewer}'");
    Console.WriteLine($"[demo] dashboard: {options.Reporting}?org={options.Org}&year=2023#token={viewer}   (the city: org={options.Org[..4]}; the token lasts 2 hours)");
    if (!options.Check)
    {
        Console.WriteLine($"[demo] done in {clock.Elapsed.TotalSeconds:0.0}s");
        return 0;
    }
    var rows = await new FigureCheck(apis.Reporting, tokens, Console.Out).RunAsync(plan, DistrictProfile.Years[^1], TimeSpan.FromSeconds(options.WaitSeconds), cancel.Token);
    var wrong = rows.Count(r => !r.Ok);
    Console.WriteLine(wrong == 0
        ? $"[check] all {rows.Count} figures as planned ({clock.Elapsed.TotalSeconds:0.0}s in all)"
        : $"[check] {wrong} of {rows.Count} figures differ from the plan ({clock.Elapsed.TotalSeconds:0.0}s in all)");
    return wrong == 0 ? 0 : 1;
}
catch (ApiException e)
{
    Console.Error.WriteLine($"[demo] FAILED after {clock.Elapsed.TotalSeconds:0.0}s: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine($"[demo] interrupted after {clock.Elapsed.TotalSeconds:0.0}s; run it again to carry on where it stopped");
    return 130;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"[demo] FAILED: {e.Message} (is the system running? bash scripts/run.sh)");
    return 1;
}
