using System.Diagnostics;
using System.Globalization;

namespace Fazhi.FaultRunner.Harness;

/// <summary>
/// A RabbitMQ node of the run's own (node name fazhi-faults@localhost, its own ports, data and logs in the work
/// directory, the management plugin on), so the run may stop its broker without touching the machine's. guest/guest is
/// allowed from loopback.
/// </summary>
public sealed class PrivateRabbit(string directory, int amqpPort, int managementPort, int distributionPort)
{
    public const string Node = "fazhi-faults@localhost";
    public const string VirtualHost = "fazhi-faults";
    private const string Bin = "/usr/lib/rabbitmq/bin";

    private bool _started;

    public Uri Amqp => new($"amqp://guest:guest@127.0.0.1:{amqpPort}/{VirtualHost}");
    public Uri Management => new($"http://guest:guest@127.0.0.1:{managementPort}/");

    private static void RequireBinaries()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")) || !File.Exists(Path.Combine(Bin, "rabbitmqctl")))
            throw new InvalidOperationException($"no RabbitMQ server under {Bin} (bash scripts/infra-up.sh installs it)");
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["RABBITMQ_NODENAME"] = Node,
        ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "pid"),
    };

    // The CLI boots an Erlang VM and the Elixir tool chain for every call: on two cores saturated by the workload it
    // took a minute to reach the node. As root it runs at a higher priority, so a fault starts when it is meant to.
    private Task<Shell.Result> CtlAsync(TimeSpan timeout, CancellationToken ct, params string[] args) =>
        Shell.IsRoot
            ? Shell.RunAsync("nice", ["-n", "-10", Path.Combine(Bin, "rabbitmqctl"), "-n", Node, .. args], timeout, ct, Environment())
            : Shell.RunAsync(Path.Combine(Bin, "rabbitmqctl"), ["-n", Node, .. args], timeout, ct, Environment());

    /// <summary>Whether the broker accepts AMQP connections now.</summary>
    public async Task<bool> AcceptsAsync(CancellationToken ct)
    {
        using var client = new System.Net.Sockets.TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync("127.0.0.1", amqpPort, limit.Token);
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Stops a node of this name an earlier run left running (only this node: it is named after the runner).</summary>
    public async Task StopLeftoverAsync(CancellationToken ct)
    {
        RequireBinaries();
        var ping = await CtlAsync(TimeSpan.FromSeconds(20), ct, "ping");
        if (!ping.Ok) return;
        var stop = await CtlAsync(TimeSpan.FromSeconds(60), ct, "stop");
        Console.WriteLine($"[servers] stopped the RabbitMQ node {Node} an earlier run left running ({(stop.Ok ? "ok" : stop.Output.Trim())})");
    }

    public async Task StartAsync(CancellationToken ct)
    {
        RequireBinaries();
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"),
            $"listeners.tcp.default = {amqpPort}\nmanagement.tcp.port = {managementPort}\nmanagement.tcp.ip = 127.0.0.1\n", ct);
        _started = true;
        await Shell.CheckAsync(Path.Combine(Bin, "rabbitmq-server"), ["-detached"], TimeSpan.FromSeconds(60), ct, Environment());
        await AwaitStartupAsync(ct);
        await CheckCtlAsync(ct, "add_vhost", VirtualHost);
        await CheckCtlAsync(ct, "set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
    }

    /// <summary>
    /// Waits for the broker to run. await_startup fails at once while the Erlang node is not yet registered (the
    /// first seconds after -detached), so it is asked again until the deadline.
    /// </summary>
    private async Task AwaitStartupAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await CtlAsync(TimeSpan.FromSeconds(100), ct, "await_startup", "--timeout", "90");
            if (result.Ok) return;
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
                throw new InvalidOperationException($"RabbitMQ node {Node} did not start within {clock.Elapsed.TotalSeconds:0} s: {result.Output.Trim()} (logs in {directory}/log)");
            await Task.Delay(1000, ct);
        }
    }

    private async Task CheckCtlAsync(CancellationToken ct, params string[] args)
    {
        var result = await CtlAsync(TimeSpan.FromSeconds(180), ct, args);
        if (!result.Ok) throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed: {result.Output.Trim()}");
    }

    /// <summary>Stops the broker application (the Erlang node stays up, as after a broker crash its supervisor restarts).</summary>
    public async Task<TimeSpan> StopAppAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await CheckCtlAsync(ct, "stop_app");
        return clock.Elapsed;
    }

    public async Task<TimeSpan> StartAppAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await CheckCtlAsync(ct, "start_app");
        await AwaitStartupAsync(ct);
        return clock.Elapsed;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (!_started) return;
        var result = await CtlAsync(TimeSpan.FromSeconds(60), ct, "stop");
        if (!result.Ok) Console.WriteLine($"[servers] rabbitmqctl stop: {result.Output.Trim()}");
    }
}
