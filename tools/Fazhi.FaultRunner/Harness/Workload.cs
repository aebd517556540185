using System.Diagnostics;
using Fazhi.Demo.Client;
using Fazhi.Demo.Plan;

namespace Fazhi.FaultRunner.Harness;

/// <summary>One demo year logged for two districts: 金水区's worked example under the first code, 中原区's under the second.</summary>
public sealed class Round(int number, DemoPlan plan)
{
    public int Number { get; } = number;
    public DemoPlan Plan { get; } = plan;
    public IReadOnlyList<string> Orgs => [.. Plan.Districts.Select(d => d.Org)];
    public int Attempts { get; private set; }
    /// <summary>Case blocks run again after a lost answer, in every attempt so far (the current one read live).</summary>
    public int CaseResumes => _caseResumes + (Sender?.Resumed ?? 0);
    private int _caseResumes;

    /// <summary>The attempt in progress.</summary>
    public DemoSender? Sender { get; private set; }

    public void Attempt(DemoSender sender)
    {
        if (Sender is { } previous) _caseResumes += previous.Resumed;
        Sender = sender;
        Attempts++;
    }
    public TimeSpan Elapsed { get; set; }
    public bool Completed { get; set; }
    public List<string> Interruptions { get; } = [];
}

/// <summary>
/// The known workload: demo years (tools/Fazhi.Demo) sent through the public JSON API, one round after another for as
/// long as the faults want load. Each round logs new districts: the demo's requestIds hash the org, and its case numbers
/// (a court of that org), department and campaign names are unique per org, so no round can collide with another.
/// A round the faults interrupt (an answer lost in a kill, a refusal of a move that had in fact landed) is sent again
/// once every service is ready: the demo finds what is already logged and sends only the rest.
/// </summary>
public sealed class Workload(RunnerOptions options, ServiceFleet fleet, TextWriter log, TextWriter demoLog)
{
    private const int MaxAttemptsPerRound = 25;

    // Up to about a minute and a half of 503s and dropped connections per call (backoff capped at 5 s): a database
    // restart or a service's restart on a busy machine, without giving up on the call.
    private const int ClientAttempts = 20;

    private readonly PatientHandler _handler = new(TimeSpan.FromSeconds(90));
    private readonly List<Round> _rounds = [];
    private readonly IEnumerator<string> _orgs = OrgCodes().GetEnumerator();
    private readonly Stopwatch _clock = new();
    private DemoApis? _apis;

    public IReadOnlyList<Round> Rounds => _rounds;
    public DemoTokens Tokens { get; } = new(fleet.System.SigningKey);
    public TimeSpan Elapsed => _clock.Elapsed;
    public int Requests => Apis.All.Sum(a => a.Requests);
    public int Retries => Apis.All.Sum(a => a.Retries);
    public int RefusedConnections => _handler.Refused;
    public int Resumes => _rounds.Sum(r => Math.Max(0, r.Attempts - 1));

    /// <summary>Case blocks the demo's sender ran again after a call whose outcome was unknown (an answer lost in a fault).</summary>
    public int CaseResumes => _rounds.Sum(r => r.CaseResumes);

    /// <summary>Every district any round logged, and the cities above them.</summary>
    public IReadOnlyList<string> Orgs =>
        [.. _rounds.SelectMany(r => r.Orgs).Distinct().Order(StringComparer.Ordinal),
         .. _rounds.SelectMany(r => r.Orgs).Select(o => o[..4]).Distinct().Order(StringComparer.Ordinal)];

    public DemoApis Apis => _apis ??= new DemoApis(Client(Services.Reconsideration), Client(Services.Litigation),
        Client(Services.Enforcement), Client(Services.Disclosure), Client(Services.Reporting));

    private ApiClient Client(string name) =>
        new(new HttpClient(_handler, disposeHandler: false) { BaseAddress = fleet[name].Rest, Timeout = TimeSpan.FromSeconds(60) }, name,
            attempts: ClientAttempts);

    /// <summary>Round 1 is the worked example's 金水区 410105 and 中原区 410102; then other 郑州 codes, then other cities'.</summary>
    public static IEnumerable<string> OrgCodes()
    {
        yield return "410105";
        yield return "410102";
        for (var city = 4101; city <= 4199; city++)
        {
            for (var district = 1; district <= 99; district++)
            {
                var code = $"{city}{district:00}";
                if (code is not ("410105" or "410102")) yield return code;
            }
        }
    }

    /// <summary>Sends rounds until <paramref name="moreWanted"/> says no when one ends. Throws when a round cannot be completed.</summary>
    public async Task RunAsync(Func<bool> moreWanted, CancellationToken ct)
    {
        _clock.Start();
        try
        {
            do
            {
                await RunRoundAsync(NextRound(), ct);
            }
            while (moreWanted());
        }
        finally
        {
            _clock.Stop();
        }
    }

    /// <summary>A round's plan: 金水区's profile under the first code, 中原区's under the second.</summary>
    public static DemoPlan Plan(int seed, string first, string second) =>
        DemoPlanner.Build(seed, DistrictProfile.Jinshui(first), DistrictProfile.Zhongyuan(second));

    private Round NextRound()
    {
        string Next() => _orgs.MoveNext() ? _orgs.Current : throw new InvalidOperationException("no district codes left for another round");
        var number = _rounds.Count + 1;
        var plan = Plan(options.Seed, Next(), Next());
        if (PlanRules.Violations(plan) is { Count: > 0 } violations)
            throw new InvalidOperationException($"the demo plan holds moves the law refuses: {string.Join("; ", violations.Take(5))}");
        var round = new Round(number, plan);
        lock (_rounds) _rounds.Add(round);
        return round;
    }

    private async Task RunRoundAsync(Round round, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        log.WriteLine($"[workload] round {round.Number}: {string.Join(" + ", round.Plan.Districts.Select(d => $"{d.Profile.Name} {d.Org}"))} " +
            $"(seed {options.Seed}, {options.Parallel} cases in flight per service)");
        while (true)
        {
            var sender = new DemoSender(Apis, Tokens, options.Parallel, demoLog);
            round.Attempt(sender);
            try
            {
                await sender.SendAsync(round.Plan, ct);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var reason = e.Message.Length > 300 ? e.Message[..300] + "…" : e.Message;
                round.Interruptions.Add($"{clock.Elapsed.TotalSeconds:0}s: {e.GetType().Name}: {reason}");
                log.WriteLine($"[workload] round {round.Number} interrupted after {clock.Elapsed.TotalSeconds:0.0} s ({e.GetType().Name}: {reason}); " +
                    "sending it again once every service is ready");
                if (round.Attempts >= MaxAttemptsPerRound)
                    throw new InvalidOperationException($"round {round.Number} could not be completed in {MaxAttemptsPerRound} attempts; last: {reason}", e);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                await fleet.WaitAllReadyAsync(TimeSpan.FromMinutes(3), ct);
            }
        }
        round.Elapsed = clock.Elapsed;
        round.Completed = true;
        log.WriteLine($"[workload] round {round.Number} done in {round.Elapsed.TotalSeconds:0.0} s ({round.Attempts} attempt{(round.Attempts == 1 ? "" : "s")}); " +
            $"{Requests} requests so far");
    }
}
