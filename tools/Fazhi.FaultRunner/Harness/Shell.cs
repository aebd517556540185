using System.Diagnostics;
using System.Text;

namespace Fazhi.FaultRunner.Harness;

/// <summary>Runs the servers' own command-line tools (initdb, pg_ctl, rabbitmqctl) and waits for them.</summary>
public static class Shell
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Ok => ExitCode == 0;
    }

    public static bool IsRoot => Environment.UserName == "root" || GetUid() == "0";

    /// <summary>Runs a command; its standard output and error together in the answer.</summary>
    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null, string? asUser = null)
    {
        var arguments = args.ToList();
        if (asUser is not null)
        {
            // runuser keeps the environment it is given only with --preserve-environment; these tools need none of it.
            arguments = ["-u", asUser, "--", file, .. arguments];
            file = "runuser";
        }
        var start = new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run {file}: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            ct.ThrowIfCancellationRequested();
            lock (output) return new Result(124, $"{output}(stopped after {timeout.TotalSeconds:0} s)");
        }
        process.WaitForExit();   // drains the asynchronous readers
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>Runs a command that must succeed; its output in the exception otherwise.</summary>
    public static async Task<string> CheckAsync(string file, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null, string? asUser = null)
    {
        var list = args.ToList();
        var result = await RunAsync(file, list, timeout, ct, environment, asUser);
        if (!result.Ok) throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', list)} failed ({result.ExitCode}):\n{result.Output.TrimEnd()}");
        return result.Output;
    }

    private static string GetUid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("Uid:", StringComparison.Ordinal)) return line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        }
        catch (IOException)
        {
            // No /proc: not Linux, and the servers' tools would not run here anyway.
        }
        return "";
    }
}
