using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fazhi.Demo.Client;

/// <summary>An error answer of the API that retrying will not cure, with the service's own status body.</summary>
/// <param name="uncertain">
/// An earlier attempt of the same call got no answer or a transient one, so it may have landed: a move refused now can
/// be refused because it is already done (see <see cref="DemoSender"/>, which then resumes the case from what it holds).
/// </param>
public sealed class ApiException(string message, HttpStatusCode status, string body, bool uncertain = false)
    : Exception($"{message} → {(int)status} {body}{(uncertain ? " (after an attempt whose outcome is unknown)" : "")}")
{
    public HttpStatusCode Status { get; } = status;
    public string Body { get; } = body;
    public bool Uncertain { get; } = uncertain;
}

/// <summary>
/// JSON over HTTP to one service, as any client would call it. Transient answers — 503 UNAVAILABLE, 409 ABORTED (a
/// concurrent change of the same case), a dropped connection, a timeout — are retried with backoff. That is safe for
/// creates, which carry their requestId. A move whose answer was lost but which did land is refused on retry (it is
/// already done): the run stops there, and the next run finds it in the case's audit trail and carries on after it.
/// </summary>
/// <param name="attempts">Attempts of one call before it fails: 6 (about 6 s of waiting) for a person at the
/// keyboard; more for a run that expects services to restart under it (the fault runner).</param>
public sealed class ApiClient(HttpClient http, string service, int attempts = 6)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Service { get; } = service;
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>Requests sent, retries included; read for the summary.</summary>
    public int Requests => _requests;
    public int Retries => _retries;
    private int _requests;
    private int _retries;

    /// <summary>
    /// A POST; <paramref name="idempotent"/> marks a call that may be repeated whatever happened to it (a batch of
    /// creates with their requestIds), so that even a 500 is sent again.
    /// </summary>
    public Task<JsonElement> PostAsync(string path, object body, string token, CancellationToken ct, bool idempotent = false) =>
        SendAsync(HttpMethod.Post, path, body, token, ct, idempotent);

    public Task<JsonElement> GetAsync(string path, string token, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, path, null, token, ct);

    /// <summary>A PUT whose "not there" answer (404, or 501 unimplemented) the caller wants to see rather than fail on.</summary>
    public async Task<HttpStatusCode> PutAsync(string path, object body, string token, CancellationToken ct)
    {
        try
        {
            await SendAsync(HttpMethod.Put, path, body, token, ct);
            return HttpStatusCode.OK;
        }
        catch (ApiException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.NotImplemented or HttpStatusCode.MethodNotAllowed)
        {
            return e.Status;
        }
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, string token, CancellationToken ct, bool idempotent = false)
    {
        var uncertain = false;
        for (var attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _requests);
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            string text;
            HttpStatusCode status;
            try
            {
                using var response = await http.SendAsync(request, ct);
                text = await response.Content.ReadAsStringAsync(ct);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode) return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // The request may have reached the service and been saved before the connection or the wait ended.
                uncertain = true;
                if (attempt >= attempts) throw new ApiException($"{method} {Service} {path}: {e.Message}", HttpStatusCode.ServiceUnavailable, "", uncertain);
                await BackOffAsync(attempt, ct);
                continue;
            }
            if (attempt >= attempts || !(Transient(status, text) || (idempotent && status == HttpStatusCode.InternalServerError)))
                throw new ApiException($"{method} {Service} {path}", status, text, uncertain);
            // A transient answer can hide a commit whose acknowledgement was lost between the service and its database.
            uncertain |= status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;
            await BackOffAsync(attempt, ct);
        }
    }

    private static bool Transient(HttpStatusCode status, string body) =>
        status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.GatewayTimeout
        || (status == HttpStatusCode.Conflict && StatusCode(body) == 10);   // ABORTED, not ALREADY_EXISTS (6)

    private static int StatusCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : -1;
        }
        catch (JsonException)
        {
            return -1;   // not a google.rpc.Status body: not one we know to be transient
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken ct)
    {
        Interlocked.Increment(ref _retries);
        var delay = TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, attempt), MaxDelay.TotalMilliseconds) + Random.Shared.Next(100));
        return Task.Delay(delay, ct);
    }
}

/// <summary>Reading the answers: int64 fields come as JSON strings, fields at their default value are left out.</summary>
public static class Answer
{
    public static string Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public static long Long(this JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? 0 : v.ValueKind == JsonValueKind.String ? long.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetInt64();

    public static IEnumerable<JsonElement> Array(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static double Number(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : v.GetDouble() : 0;
}
