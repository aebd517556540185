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

    /// <summary>Requests that found the port closed at least once.</summary>
    public int Refused => _refused;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var counted = false;
        while (true)
        {
            try
            {
                return await base.SendAsync(request, ct);
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } && waited.Elapsed < patience)
            {
                if (!counted) Interlocked.Increment(ref _refused);
                counted = true;
                await Task.Delay(250, ct);
            }
        }
    }
}
