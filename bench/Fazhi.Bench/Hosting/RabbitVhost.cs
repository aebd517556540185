using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Fazhi.Bench.Hosting;

/// <summary>
/// A RabbitMQ virtual host of its own (through the management API), so the bench's queues, exchanges and any
/// leftover messages never mix with the dev services' or the integration tests'.
/// </summary>
public sealed class RabbitVhost(Uri management, string user, string password) : IDisposable
{
    public const string Name = "fazhi_bench";
    private readonly HttpClient _http = Create(management, user, password);
    private readonly string _user = user;

    /// <summary>FAZHI_BENCH_RABBITMQ_MANAGEMENT overrides http://guest:guest@127.0.0.1:15672.</summary>
    public static RabbitVhost FromEnvironment()
    {
        var uri = new Uri(Environment.GetEnvironmentVariable("FAZHI_BENCH_RABBITMQ_MANAGEMENT") ?? "http://guest:guest@127.0.0.1:15672");
        var credentials = uri.UserInfo.Split(':', 2);
        return new RabbitVhost(new Uri(uri.GetLeftPart(UriPartial.Authority)), Uri.UnescapeDataString(credentials[0]),
            credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : "");
    }

    /// <summary>The amqp:// URI the services get: the path is the vhost.</summary>
    public static string AmqpUri(string user = "guest", string password = "guest") =>
        Environment.GetEnvironmentVariable("FAZHI_BENCH_RABBITMQ") ?? $"amqp://{user}:{password}@127.0.0.1:5672/{Name}";

    public async Task RecreateAsync(CancellationToken cancellationToken)
    {
        await DeleteAsync(cancellationToken);
        await SendAsync(HttpMethod.Put, $"/api/vhosts/{Name}", "{}", cancellationToken);
        await SendAsync(HttpMethod.Put, $"/api/permissions/{Name}/{Uri.EscapeDataString(_user)}",
            """{"configure":".*","write":".*","read":".*"}""", cancellationToken);
    }

    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync($"/api/vhosts/{Name}", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound) await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new InvalidOperationException(
            $"RabbitMQ management {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
    }

    private static HttpClient Create(Uri management, string user, string password)
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    public void Dispose() => _http.Dispose();
}
