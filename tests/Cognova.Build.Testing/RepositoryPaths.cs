using System.Reflection;

namespace Cognova.Build.Testing;

/// <summary>Where things are in this repository, for tests that copy fixtures or pack the product.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Samples => Path.Combine(Root, "samples");

    private static string FindRoot()
    {
        var fromBuild = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CognovaRepoRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild) && File.Exists(Path.Combine(fromBuild, "Cognova.Build.sln")))
        {
            return Path.GetFullPath(fromBuild);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cognova.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder of Cognova.Build.sln).");
    }
}
