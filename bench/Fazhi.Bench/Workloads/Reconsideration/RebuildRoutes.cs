using System.Net;
using System.Text;

namespace Fazhi.Bench.Workloads.Reconsideration;

/// <summary>
/// The administrator's rebuild commands (docs/architecture.md, "Rebuild"): empty the reporting store, and have the
/// reconsideration service re-publish the current state of every case. A route a build does not have yet answers
/// 404, which the bench reports instead of failing.
/// </summary>
public sealed class RebuildRoutes(HttpClient reconsideration, HttpClient reporting)
{
    public const string ResetPath = "/v1/reports/admin:reset";
    public const string RepublishPath = "/v1/reconsideration/admin:republish";

    public sealed record Answer(bool Exists, string Body);

    public Task<Answer> ResetAsync(CancellationToken cancellationToken) => PostAsync(reporting, ResetPath, cancellationToken);

    public Task<Answer> RepublishAsync(CancellationToken cancellationToken) => PostAsync(reconsideration, RepublishPath, cancellationToken);

    private static async Task<Answer> PostAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed) return new Answer(false, body);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {body}");
        return new Answer(true, body);
    }
}
