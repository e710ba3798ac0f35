namespace Cognova.Build.Testing;

/// <summary>
/// A throw-away copy of a fixture solution (several projects, a solution file, central package
/// versions in <c>Directory.Packages.props</c>) in a temporary folder, set up as a user's would be:
/// its own nuget.config with the local feed, a pinned global.json, and the feed's version of
/// Cognova.Build in place of the fixture's <c>0.0.0-fixture</c>. Deleted on dispose.
/// </summary>
public sealed class TestSolution : IDisposable
{
    public const string FixtureVersion = "0.0.0-fixture";

    private TestSolution(string root) => Root = root;

    /// <summary>The solution folder (holds the solution file, nuget.config, global.json).</summary>
    public string Root { get; }

    /// <summary>Every start of the design host during this solution's builds appends a line here.</summary>
    public string HostTraceFile => Path.Combine(Root, "host-starts.log");

    public static TestSolution FromFixture(string fixtureName, LocalPackageFeed feed)
    {
        var root = Path.Combine(Path.GetTempPath(), "cognova-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        CopyDirectory(Path.Combine(RepositoryPaths.Fixtures, fixtureName), root);
        File.Copy(Path.Combine(RepositoryPaths.Root, "global.json"), Path.Combine(root, "global.json"));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cognova-local" value="{feed.Directory}" />
              </packageSources>
            </configuration>

            """);
        var solution = new TestSolution(root);
        solution.Replace("Directory.Packages.props", $"Version=\"{FixtureVersion}\"", $"Version=\"{feed.Version}\"");
        return solution;
    }

    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    /// <summary>Replaces text in a file; fails when the text is not there, so a fixture change cannot go unnoticed.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var content = Read(relativePath);
        if (!content.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{oldText}' is not in {relativePath}.");
        }

        Write(relativePath, content.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Delete(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary>Runs a real <c>dotnet</c> command (build, publish …) on <paramref name="target"/>: the solution file or a project, relative to <see cref="Root"/>.</summary>
    public BuildResult Run(string command, string target, params string[] arguments)
    {
        string[] all = [command, PathOf(target), "-nodeReuse:false", "-tl:off", "-clp:NoSummary", .. arguments];
        var environment = new Dictionary<string, string?> { ["COGNOVA_HOST_TRACE_FILE"] = HostTraceFile };
        return new BuildResult(DotNet.Run(Root, environment, all));
    }

    public BuildResult Build(string target, params string[] arguments) => Run("build", target, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }
    }
}
