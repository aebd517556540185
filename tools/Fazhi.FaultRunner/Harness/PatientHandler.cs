using System.Net.Sockets;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// Retries a request the service never received — its connection refused, as while a killed service restarts — until
/// the service listens again (up to <paramref name="patience"/>), as a client behind a load balancer would see it. Safe
/// for any call: nothing reached the server. A request cut off in flight is not retried here; the demo's client and
/// the workload's round resume deal with that uncertain outcome as the API's clients must.
/// </summary>
public sealed class PatientHandler(TimeSpan patience) : DelegatingHandler(new SocketsHttpHandler
{
    MaxConnectionsPerServer = 64,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    ConnectTimeout = TimeSpan.FromSeconds(5),
})
{
    private int _refused;

    // When each service's port started refusing, across all requests: the patience is for one outage, not per call
    // (the demo's client retries a failed call many times, which must not multiply it).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _refusingSince = new();

    /// <summary>Requests that found the port closed at least once.</summary>
    public int Refused => _refused;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var service = request.RequestUri!.Authority;
        var counted = false;
        while (true)
        {
            try
            {
                var response = await base.SendAsync(request, ct);
                _refusingSince.TryRemove(service, out _);
                return response;
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                && System.Diagnostics.Stopwatch.GetElapsedTime(_refusingSince.GetOrAdd(service, _ => System.Diagnostics.Stopwatch.GetTimestamp())) < patience)
            {
                if (!counted) Interlocked.Increment(ref _refused);
                counted = true;
                await Task.Delay(250, ct);
            }
        }
    }
}
