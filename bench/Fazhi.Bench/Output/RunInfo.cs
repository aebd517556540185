using System.Diagnostics;
using System.Runtime.InteropServices;
using Fazhi.Bench.Measurement;

namespace Fazhi.Bench.Output;

/// <summary>Where and on what the figures were measured: they mean nothing without the machine and the commit.</summary>
public sealed record RunInfo(DateTimeOffset StartedAt, string Machine, string Commit, string Command)
{
    public static RunInfo Capture(string repoRoot, IEnumerable<string> args)
    {
        var machine = $"{Environment.ProcessorCount} cores ({ProcStats.CpuModel()}), {ProcStats.MemoryTotalGb():0.0} GB memory, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}";
        var commit = Git(repoRoot, "rev-parse", "--short", "HEAD") ?? "unknown";
        // The lead commits while the bench runs: say when the measured tree was not the commit.
        var dirty = Git(repoRoot, "status", "--porcelain", "--untracked-files=no") is { Length: > 0 };
        // The services inherit the bench's environment: a setting given there (GroupCommit__QueueCapacity=200) is part of the run.
        var settings = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("DOTNET_GC", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}");
        var command = string.Join(' ', settings.Append("bash bench/run.sh").Concat(args));
        return new RunInfo(DateTimeOffset.UtcNow, machine, dirty ? commit + " (with uncommitted changes)" : commit, command);
    }

    private static string? Git(string repoRoot, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git", args) { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
