namespace Fazhi.FaultRunner.Harness;

/// <summary>The repository the runner was built in: the services' build output is found from there.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Fazhi.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Fazhi.sln not found above the current directory or the runner's own: run it from the repository");
    }
}
