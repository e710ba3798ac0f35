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
        // Packing rebuilds src/ with this version while other test projects build and run beside it, so their
        // copies of our assemblies may come from this pack: its assembly version (0.0.1.0) must stay above the
        // 0.0.0.0 that tests use for "an older copy".
        var version = $"0.0.1-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var directory = Path.Combine(Path.GetTempPath(), "cognova-feed-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);

        // Pack the packable projects only: packing the whole solution would rebuild the running tests.
        foreach (var project in PackableProjects())
        {
            var result = DotNet.Run(
                RepositoryPaths.Root,
                "pack", project, "-c", "Release", "-o", directory, $"-p:Version={version}", "-nodeReuse:false", "-tl:off");
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed with exit code {result.ExitCode}:\n{result.All}");
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(directory, version);
        return new LocalPackageFeed(directory, version);
    }

    private static IEnumerable<string> PackableProjects()
        => System.IO.Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static void Remove(string directory, string version)
    {
        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                             ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var suffix = "." + version + ".nupkg";
        foreach (var package in System.IO.Directory.GetFiles(directory, "*" + suffix))
        {
            var id = Path.GetFileName(package)[..^suffix.Length].ToLowerInvariant();
            TryDelete(Path.Combine(globalPackages, id, version));
        }

        TryDelete(directory);
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
