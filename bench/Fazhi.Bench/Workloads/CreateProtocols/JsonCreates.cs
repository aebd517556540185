using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fazhi.Bench.Workloads.Reconsideration;
using Fazhi.ServiceDefaults;

namespace Fazhi.Bench.Workloads.CreateProtocols;

/// <summary>
/// CreateCase as the web page and scripts call it: POST /v1/reconsideration/cases, a JSON body as docs/api.md shows
/// it (enum proto names, "YYYY-MM-DD" dates), a bearer token, over HTTP/1.1 keep-alive connections. HTTP/1.1 carries
/// one request at a time per connection, so the pool opens as many connections as there are clients.
/// </summary>
public sealed class JsonCreates : IDisposable
{
    // Chinese text as UTF-8, as a browser sends it, not as \uXXXX escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly HttpClient _client;

    public JsonCreates(Uri httpBase, string token, int connections)
    {
        _client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = httpBase,
            Timeout = TimeSpan.FromSeconds(30),
        };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Creates one case; an HTTP error status comes back as <see cref="CreateFailedException"/>.</summary>
    public async Task CreateAsync(CaseScript script, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/reconsideration/cases") { Content = Body(script) };
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new CreateFailedException($"HTTP {(int)response.StatusCode}", await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>The body, written straight to UTF-8 so the client spends little of the shared CPU on it.</summary>
    public static ByteArrayContent Body(CaseScript script)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("requestId", Guid.NewGuid());
            json.WriteString("org", script.Org);
            json.WriteString("receivedOn", CaseCommands.Date(script.ReceivedOn));
            json.WriteString("applicantType", ProtoEnum.Name(script.ApplicantType));
            json.WriteString("category", ProtoEnum.Name(script.Category));
            json.WriteString("respondent", script.Respondent);
            json.WriteString("summary", "bench");
            json.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        return content;
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A create the service refused or could not answer; <see cref="Kind"/> is what the error table counts.</summary>
public sealed class CreateFailedException(string kind, string detail) : Exception($"{kind}: {detail}")
{
    public string Kind { get; } = kind;
}
