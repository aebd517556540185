using System.Globalization;
using System.Text.Json;
using Fazhi.Demo.Plan;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.Demo.Client;

/// <summary>The services' REST endpoints.</summary>
public sealed record DemoApis(ApiClient Reconsideration, ApiClient Litigation, ApiClient Enforcement, ApiClient Disclosure, ApiClient Reporting)
{
    public IEnumerable<ApiClient> All => [Reconsideration, Litigation, Enforcement, Disclosure, Reporting];
}

/// <summary>
/// Sends a plan through the public JSON API, the four services at once and up to <paramref name="parallelism"/> cases
/// of each at a time; each case's own moves go one after another, in their order. Creates carry the plan's
/// deterministic requestIds, so on a second run the services answer with what they already hold; a case found further
/// along (its version above 1) has its audit trail read, and only the planned moves it does not show yet are sent.
/// </summary>
public sealed partial class DemoSender(DemoApis apis, DemoTokens tokens, int parallelism, TextWriter log)
{
    /// <summary>How often a case's block may start again after a call whose outcome was unknown.</summary>
    private const int MaxResumes = 5;

    public List<Progress> Parts { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>Case blocks started again after a lost answer (see <see cref="ResumableAsync"/>).</summary>
    public int Resumed => _resumed;
    private int _resumed;

    public async Task SendAsync(DemoPlan plan, CancellationToken cancel)
    {
        // The first part to fail stops the others: the run is incomplete either way, and the next run carries on.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var ct = stop.Token;
        var parts = new[]
        {
            Part("reconsideration cases", plan.Districts.Sum(d => d.Reconsideration.Count), p => ReconsiderationAsync(plan, p, ct), stop),
            Part("litigation cases", plan.Districts.Sum(d => d.Lawsuits.Count), p => LitigationAsync(plan, p, ct), stop),
            Part("enforcement reviews and problems", plan.Districts.Sum(d => d.Departments.Count + d.Reviews.Count + d.Campaigns.Sum(c => c.Problems.Count)),
                p => EnforcementAsync(plan, p, ct), stop),
            Part("disclosure requests", plan.Districts.Sum(d => d.Requests.Count + d.Statistics.Count), p => RequestsAsync(plan, p, ct), stop),
            Part("disclosure publications", plan.Districts.Sum(d => d.Publications.Count), p => PublicationsAsync(plan, p, ct), stop),
        };
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var all = Task.WhenAll(parts);
        while (!all.IsCompleted)
        {
            var tick = ticker.WaitForNextTickAsync(CancellationToken.None).AsTask();
            if (await Task.WhenAny(all, tick) == tick)
                log.WriteLine($"[demo] {string.Join(" · ", Parts)}");
        }
        // The failure that stopped the run rather than the cancellations it caused.
        var failed = parts.Where(p => p.IsFaulted).Select(p => p.Exception!.InnerException!).ToList();
        if (failed.FirstOrDefault(e => e is not OperationCanceledException) is { } first) throw first;
        await all;
    }

    private Task Part(string name, int total, Func<Progress, Task> work, CancellationTokenSource stop)
    {
        var progress = new Progress(name, total);
        Parts.Add(progress);
        return Task.Run(async () =>
        {
            try
            {
                await work(progress);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            progress.Finish();
        });
    }

    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> body, CancellationToken ct, int? parallel = null) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel ?? parallelism, CancellationToken = ct },
            async (item, token) => await ResumableAsync(() => body(item, token)));

    /// <summary>
    /// Runs one case's block, and runs it again from its start when a call in it failed after an attempt whose outcome
    /// is unknown (a service killed mid-call, an answer lost with the connection): that move may have landed, and its
    /// retry is then refused as already done. Every block resumes from what the service holds — creates carry their
    /// requestIds and answer the case as it is, and a case found further along has its state or audit trail read — so
    /// running it again sends only what is still missing.
    /// </summary>
    private async Task ResumableAsync(Func<Task> block)
    {
        for (var run = 1; ; run++)
        {
            try
            {
                await block();
                return;
            }
            catch (ApiException e) when (e.Uncertain && run <= MaxResumes)
            {
                Interlocked.Increment(ref _resumed);
            }
        }
    }

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>How many of the planned moves the case's audit trail already shows (their API method names).</summary>
    private async Task<int> MovesDoneAsync(ApiClient client, string historyPath, IReadOnlySet<string> actions, string token, CancellationToken ct)
    {
        var history = await client.GetAsync(historyPath, token, ct);
        return history.Array("entries").Count(e => actions.Contains(e.Str("action")));
    }

    // ---- Reconsideration ------------------------------------------------------------------------------------------

    private static readonly HashSet<string> ReconsiderationActions =
        ["AcceptCase", "RejectCase", "RequestMaterials", "ReceiveMaterials", "RecordHearing", "SuspendCase", "ResumeCase", "ExtendCase", "WithdrawCase", "DecideCase"];

    private static (string Action, string Verb, object Body) Move(ReconsiderationStep step) => step switch
    {
        Accept a => ("AcceptCase", "accept", new { acceptedOn = D(a.On), procedure = a.Procedure }),
        Reject r => ("RejectCase", "reject", new { rejectedOn = D(r.On), reason = r.Reason }),
        RequestMaterials m => ("RequestMaterials", "request-materials", new { requestedOn = D(m.On), dueOn = D(m.DueOn), reason = m.Reason }),
        MaterialsReceived m => ("ReceiveMaterials", "materials-received", new { receivedOn = D(m.On) }),
        Hear h => ("RecordHearing", "hear", new { heldOn = D(h.On) }),
        Suspend s => ("SuspendCase", "suspend", new { suspendedOn = D(s.On), reason = s.Reason }),
        Resume r => ("ResumeCase", "resume", new { resumedOn = D(r.On) }),
        Extend e => ("ExtendCase", "extend", new { extendedOn = D(e.On), days = e.Days, reason = e.Reason }),
        Withdraw w => ("WithdrawCase", "withdraw", new { withdrawnOn = D(w.On), reason = w.Reason, settled = w.Settled }),
        Decide d => ("DecideCase", "decide", new { decidedOn = D(d.On), decision = d.Decision, terminationGround = d.TerminationGround }),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown move"),
    };

    private Task ReconsiderationAsync(DemoPlan plan, Progress progress, CancellationToken ct) =>
        ForEachAsync(plan.Districts.SelectMany(d => d.Reconsideration), async (c, token) =>
        {
            var api = apis.Reconsideration;
            var clerk = tokens.For(FazhiRoles.ReconsiderationClerk, c.Org);
            var created = await api.PostAsync("v1/reconsideration/cases", new
            {
                requestId = c.RequestId, org = c.Org, receivedOn = D(c.ReceivedOn), applicantType = c.ApplicantType,
                category = c.Category, respondent = c.Respondent, summary = c.Summary,
            }, clerk, token);
            var id = created.Str("id");
            var done = 0;
            if (created.Long("version") > 1)
            {
                progress.Found();
                done = await MovesDoneAsync(api, $"v1/reconsideration/cases/{id}/history", ReconsiderationActions, clerk, token);
            }
            foreach (var step in c.Steps.Skip(done))
            {
                var (_, verb, body) = Move(step);
                await api.PostAsync($"v1/reconsideration/cases/{id}:{verb}", body, clerk, token);
            }
            progress.Step();
        }, ct);

    // ---- Litigation -----------------------------------------------------------------------------------------------

    private Task LitigationAsync(DemoPlan plan, Progress progress, CancellationToken ct) =>
        ForEachAsync(plan.Districts.SelectMany(d => d.Lawsuits), async (l, token) =>
        {
            var api = apis.Litigation;
            var liaison = tokens.For(FazhiRoles.LitigationLiaison, l.Org);
            var created = await api.PostAsync("v1/litigation/cases", new
            {
                requestId = l.RequestId, org = l.Org, court = l.Court, caseNumber = l.CaseNumber, instance = l.Instance,
                filedOn = D(l.FiledOn), category = l.Category, afterReconsideration = l.AfterReconsideration, defendant = l.Defendant,
            }, liaison, token);
            var id = created.Str("id");
            if (created.Long("version") > 1) progress.Found();
            if (l.Notice is { } n)
            {
                // A notice is created with its own requestId: the case lists it once, however often it is sent.
                var notice = created.Array("notices").FirstOrDefault(x => x.Str("requestId") == n.RequestId.ToString());
                if (notice.ValueKind == JsonValueKind.Undefined)
                {
                    notice = await api.PostAsync($"v1/litigation/cases/{id}/notices",
                        new { requestId = n.RequestId, noticeOn = D(n.NoticeOn), hearingOn = D(n.HearingOn) }, liaison, token);
                }
                if (notice.Str("appearance") is "" or "APPEARANCE_UNSPECIFIED")
                {
                    await api.PostAsync($"v1/litigation/cases/{id}/notices/{notice.Str("noticeId")}:record-appearance",
                        new { appearance = n.Appearance, spoke = n.Spoke, excuse = n.Excuse }, liaison, token);
                }
            }
            if (l.Judgment is { } j && created.Str("judgment") is "" or "JUDGMENT_UNSPECIFIED")
            {
                await api.PostAsync($"v1/litigation/cases/{id}:record-judgment", new { judgedOn = D(j.JudgedOn), judgment = j.Judgment }, liaison, token);
            }
            progress.Step();
        }, ct);
}
