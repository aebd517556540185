using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>What a test needs to know about its virtual host's queues, from RabbitMQ's management API.</summary>
public sealed class RabbitManagement : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;

    public RabbitManagement(TestServers.Endpoints endpoints, string amqpUri)
    {
        var uri = new Uri(endpoints.RabbitMqManagement);
        _http = new HttpClient { BaseAddress = new UriBuilder(uri) { UserName = "", Password = "" }.Uri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
        _vhost = Uri.EscapeDataString(Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/')));
    }

    public async Task<List<string>> QueueNamesAsync()
    {
        var queues = await _http.GetFromJsonAsync<JsonElement>($"api/queues/{_vhost}?columns=name");
        return [.. queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)];
    }

    /// <summary>
    /// How many messages the queue holds right now, counted by taking them and putting them back (the management
    /// API's queue statistics are refreshed only every few seconds).
    /// </summary>
    public async Task<int> PeekCountAsync(string queue, int max = 1000)
    {
        var body = JsonContent.Create(new { count = max, ackmode = "ack_requeue_true", encoding = "auto", truncate = 64 });
        var response = await _http.PostAsync($"api/queues/{_vhost}/{Uri.EscapeDataString(queue)}/get", body);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.GetArrayLength();
    }

    public void Dispose() => _http.Dispose();
}
