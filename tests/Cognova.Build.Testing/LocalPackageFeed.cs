namespace Cognova.Build.Testing;

/// <summary>
/// Packs the repository once per test run into a temporary folder, with a version of its own
/// (so NuGet's global cache never hands a test a stale package), and removes both afterwards.
/// </summary>
public sealed class LocalPackageFeed
{
    private static readonly Lazy<LocalPackageFeed> Shared = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    private LocalPackageFeed(string directory, string version)
    {
        Directory = directory;
        Version = version;
    }

    public static LocalPackageFeed Instance => Shared.Value;

    /// <summary>The folder holding the .nupkg files.</summary>
    public string Directory { get; }

    /// <summary>The version every package in the feed has.</summary>
    public string Version { get; }

    private static LocalPackageFeed Pack()
    {
        var version = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var directory = Path.Combine(Path.GetTempPath(), "cognova-feed-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);

        var result = DotNet.Run(
            RepositoryPaths.Root,
            "pack", "Cognova.Build.sln", "-c", "Release", "-o", directory, $"-p:Version={version}", "-nodeReuse:false", "-tl:off");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack failed with exit code {result.ExitCode}:\n{result.All}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(directory, version);
        return new LocalPackageFeed(directory, version);
    }

    private static void Remove(string directory, string version)
    {
        TryDelete(directory);
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                             ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "cognova.build" })
        {
            TryDelete(Path.Combine(globalPackages, id, version));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
