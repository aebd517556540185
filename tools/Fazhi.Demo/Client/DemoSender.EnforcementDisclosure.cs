using System.Net;
using System.Text.Json;
using Fazhi.Demo.Plan;
using Fazhi.ServiceDefaults.Auth;

namespace Fazhi.Demo.Client;

public sealed partial class DemoSender
{
    // ---- Enforcement ----------------------------------------------------------------------------------------------

    private async Task EnforcementAsync(DemoPlan plan, Progress progress, CancellationToken ct)
    {
        var api = apis.Enforcement;
        foreach (var district in plan.Districts)
        {
            var reviewer = tokens.For(FazhiRoles.EnforcementReviewer, district.Org);
            // Departments first: reviews and problems name them by id. One already registered under the same name
            // (by an earlier run, or by hand) is used as it is.
            var listed = await api.GetAsync($"v1/enforcement/departments?org={district.Org}", reviewer, ct);
            var ids = listed.Array("departments").ToDictionary(d => d.Str("name"), d => d.Str("id"));
            foreach (var department in district.Departments)
            {
                if (ids.ContainsKey(department.Name)) progress.Found();
                else ids[department.Name] = (await api.PostAsync("v1/enforcement/departments",
                    new { requestId = department.RequestId, org = department.Org, name = department.Name }, reviewer, ct)).Str("id");
                progress.Step();
            }

            await ForEachAsync(district.Reviews, async (r, token) =>
            {
                var review = await api.PostAsync("v1/enforcement/reviews", new
                {
                    requestId = r.RequestId, org = r.Org, departmentId = ids[r.Department], fileType = r.FileType, fileNumber = r.FileNumber,
                    reviewedOn = D(r.ReviewedOn), score = r.Score, vetoFailed = r.VetoFailed,
                    problems = r.Problems.Select(p => new { category = p.Category, description = p.Description, rectifyBy = D(p.RectifyBy) }).ToList(),
                }, reviewer, token);
                if (review.Long("version") > 1) progress.Found();
                // The review answers its problems in the order they were sent.
                var problems = review.Array("problems").ToList();
                for (var i = 0; i < r.Problems.Count && i < problems.Count; i++)
                {
                    if (r.Problems[i].RectifiedOn is { } on && problems[i].Str("rectifiedOn") == "")
                    {
                        await api.PostAsync($"v1/enforcement/reviews/{review.Str("id")}/problems/{problems[i].Str("problemId")}:rectify",
                            new { rectifiedOn = D(on) }, reviewer, token);
                    }
                }
                progress.Step();
            }, ct);

            foreach (var campaign in district.Campaigns)
            {
                var created = await api.PostAsync("v1/enforcement/campaigns", new
                {
                    requestId = campaign.RequestId, org = campaign.Org, name = campaign.Name,
                    startedOn = D(campaign.StartedOn), endsOn = D(campaign.EndsOn),
                }, reviewer, ct);
                var id = created.Str("id");
                var known = created.Array("problems").ToDictionary(p => p.Str("requestId"));
                if (known.Count > 0) progress.Found(known.Count);
                // One campaign is one aggregate: its problems go a few at a time (a clash is ABORTED and retried).
                await ForEachAsync(campaign.Problems, async (p, token) =>
                {
                    if (!known.TryGetValue(p.RequestId.ToString(), out var problem))
                    {
                        var changed = await api.PostAsync($"v1/enforcement/campaigns/{id}/problems", new
                        {
                            requestId = p.RequestId, departmentId = ids[p.Department], category = p.Category, description = p.Description,
                            foundOn = D(p.FoundOn), rectifyBy = D(p.RectifyBy),
                        }, reviewer, token);
                        problem = changed.Array("problems").Single(x => x.Str("requestId") == p.RequestId.ToString());
                    }
                    if (p.RectifiedOn is { } on && problem.Str("rectifiedOn") == "")
                    {
                        await api.PostAsync($"v1/enforcement/campaigns/{id}/problems/{problem.Str("problemId")}:rectify",
                            new { rectifiedOn = D(on) }, reviewer, token);
                    }
                    progress.Step();
                }, ct, parallel: Math.Min(4, parallelism));
            }
        }
    }

    // ---- Disclosure -----------------------------------------------------------------------------------------------

    private const int BatchSize = 1000;

    /// <summary>
    /// Batches of up to 1,000, one district's after another (districts side by side): two batches of the same district
    /// touch the same days' tallies and would race for them. A batch is all or nothing and its items carry their
    /// requestIds, so one that failed on the server's side is simply sent again.
    /// </summary>
    private Task PublicationsAsync(DemoPlan plan, Progress progress, CancellationToken ct) =>
        ForEachAsync(plan.Districts, async (district, token) =>
        {
            var officer = tokens.For(FazhiRoles.DisclosureOfficer, district.Org);
            foreach (var batch in district.Publications.Chunk(BatchSize))
            {
                await apis.Disclosure.PostAsync("v1/disclosure/publications:batchCreate", new
                {
                    requests = batch.Select(p => new { requestId = p.RequestId, org = p.Org, publishedOn = D(p.PublishedOn), category = p.Category, title = p.Title }).ToList(),
                }, officer, token, idempotent: true);
                progress.Step(batch.Length);
            }
        }, ct);

    private static readonly HashSet<string> RequestActions = ["RequestClarification", "RecordClarification", "ExtendRequest", "ConcludeRequest"];

    private static (string Verb, object Body) Move(DisclosureStep step) => step switch
    {
        AskClarification a => ("request-clarification", new { on = D(a.On) }),
        Clarified c => ("clarified", new { on = D(c.On) }),
        ExtendRequest e => ("extend", new { on = D(e.On), reason = e.Reason, workingDays = e.WorkingDays }),
        Conclude c => ("conclude", new { concludedOn = D(c.On), outcome = c.Outcome }),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "unknown move"),
    };

    private async Task RequestsAsync(DemoPlan plan, Progress progress, CancellationToken ct)
    {
        var api = apis.Disclosure;
        await ForEachAsync(plan.Districts.SelectMany(d => d.Requests), async (r, token) =>
        {
            var officer = tokens.For(FazhiRoles.DisclosureOfficer, r.Org);
            var created = await api.PostAsync("v1/disclosure/requests", new
            {
                requestId = r.RequestId, org = r.Org, receivedOn = D(r.ReceivedOn), applicantType = r.ApplicantType, subject = r.Subject,
            }, officer, token);
            var id = created.Str("id");
            var done = 0;
            if (created.Long("version") > 1)
            {
                progress.Found();
                done = await MovesDoneAsync(api, $"v1/disclosure/requests/{id}/history", RequestActions, officer, token);
            }
            foreach (var step in r.Steps.Skip(done))
            {
                var (verb, body) = Move(step);
                await api.PostAsync($"v1/disclosure/requests/{id}:{verb}", body, officer, token);
            }
            progress.Step();
        }, ct);

        // Table 二's yearly figures: a PUT, the same on every run.
        foreach (var s in plan.Districts.SelectMany(d => d.Statistics))
        {
            var status = await api.PutAsync($"v1/disclosure/statistics/{s.Org}/{s.Year}", new
            {
                rulesIssued = s.RulesIssued, rulesRepealed = s.RulesRepealed, rulesInForce = s.RulesInForce,
                normativeDocumentsIssued = s.NormativeDocumentsIssued, normativeDocumentsRepealed = s.NormativeDocumentsRepealed,
                normativeDocumentsInForce = s.NormativeDocumentsInForce, licensingDecisions = s.LicensingDecisions,
                penaltyDecisions = s.PenaltyDecisions, compulsionDecisions = s.CompulsionDecisions, // A decimal string, as the API takes it: no binary fraction rounds a sum of money.
                feesWanYuan = s.FeesWanYuan.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, tokens.For(FazhiRoles.DisclosureOfficer, s.Org), ct);
            if (status != HttpStatusCode.OK)
            {
                lock (Warnings) Warnings.Add($"PUT /v1/disclosure/statistics/{s.Org}/{s.Year} answered {(int)status}: the table-二 statistics route is not there yet; skipped");
            }
            progress.Step();
        }
    }
}
