using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Fazhi.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP proxy between one service and a real server, for outage tests: <see cref="Blackhole"/> makes the server go
/// silent for the connections through it — bytes are swallowed both ways and new connections are accepted but never
/// answered, as when a network path drops packets — and <see cref="Heal"/> closes every connection made before and
/// forwards new ones again. Other services keep their own connections to the server.
/// </summary>
public sealed class ChaosProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, int> _sockets = new();
    private readonly Task _accepting;
    private volatile bool _blackhole;
    private int _generation;

    public ChaosProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public void Blackhole() => _blackhole = true;

    public void Heal()
    {
        var before = Interlocked.Increment(ref _generation);
        _blackhole = false;
        foreach (var (socket, generation) in _sockets)
        {
            if (generation < before) Close(socket);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _sockets[client] = Volatile.Read(ref _generation);
            if (_blackhole) continue; // accepted, never answered
            _ = LinkAsync(client);
        }
    }

    private async Task LinkAsync(Socket client)
    {
        var upstream = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _sockets[upstream] = _sockets.TryGetValue(client, out var generation) ? generation : Volatile.Read(ref _generation);
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception)
        {
            // The peer went away or the proxy stopped: close both sides.
        }
        Close(client);
        Close(upstream);
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0) return;
                if (_blackhole) continue;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception)
        {
            // Closed by Heal, by the peer, or by the proxy stopping.
        }
    }

    private void Close(Socket socket)
    {
        _sockets.TryRemove(socket, out _);
        try
        {
            socket.Close(0);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets.Keys) Close(socket);
        try
        {
            await _accepting;
        }
        catch (Exception)
        {
        }
        _stop.Dispose();
    }
}
