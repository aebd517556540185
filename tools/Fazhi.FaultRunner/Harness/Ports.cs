using System.Net.Sockets;

namespace Fazhi.FaultRunner.Harness;

/// <summary>Checks that nothing listens on a port the run is about to use.</summary>
public static class Ports
{
    public static async Task RequireFreeAsync(int port, string what, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, limit.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return;   // refused (or silent): free
        }
        throw new InvalidOperationException($"port {port}, meant for {what}, is already in use by another program: choose others (--help lists the port options)");
    }
}
