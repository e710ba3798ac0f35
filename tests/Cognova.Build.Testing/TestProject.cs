using System.Xml.Linq;

namespace Cognova.Build.Testing;

/// <summary>
/// A throw-away copy of a fixture project in a temporary folder, set up the way a user's project
/// would be: its own nuget.config with the local feed added, a pinned global.json, and empty
/// Directory.Build files so nothing from outside is imported. Deleted on dispose.
/// </summary>
public sealed class TestProject : IDisposable
{
    private TestProject(string root, string projectDirectory, string projectFile)
    {
        Root = root;
        Directory = projectDirectory;
        ProjectFile = projectFile;
    }

    /// <summary>The temporary folder (holds nuget.config and global.json).</summary>
    public string Root { get; }

    /// <summary>The project folder inside <see cref="Root"/>.</summary>
    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>Every start of the design host during this project's builds appends a line here.</summary>
    public string HostTraceFile => Path.Combine(Root, "host-starts.log");

    public int HostStarts => File.Exists(HostTraceFile) ? File.ReadAllLines(HostTraceFile).Length : 0;

    /// <summary>Copies <paramref name="sourceDirectory"/> (without bin/obj) and sets up the folder around it.</summary>
    public static TestProject CopyFrom(string sourceDirectory, LocalPackageFeed? feed = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "cognova-e2e-" + Guid.NewGuid().ToString("N")[..10]);
        var name = Path.GetFileName(sourceDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var projectDirectory = Path.Combine(root, name);
        CopyDirectory(sourceDirectory, projectDirectory);
        File.Copy(Path.Combine(RepositoryPaths.Root, "global.json"), Path.Combine(root, "global.json"));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(feed));

        var projectFile = System.IO.Directory.GetFiles(projectDirectory, "*.csproj").Single();
        var project = new TestProject(root, projectDirectory, projectFile);
        if (feed is not null)
        {
            project.AddPackageReference("Cognova.Build", feed.Version, privateAssets: "all");
        }

        return project;
    }

    public static TestProject FromFixture(string fixtureName, LocalPackageFeed? feed = null)
        => CopyFrom(Path.Combine(RepositoryPaths.Fixtures, fixtureName), feed);

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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

    /// <summary>
    /// Adds a hand-written migration (no Designer file) to <c>Migrations/</c>. The file starts with the
    /// usings, namespace and attributes (10 lines), so <paramref name="upBody"/> starts on line 11.
    /// </summary>
    public void WriteMigration(string id, string @namespace, string contextType, string upBody)
    {
        var className = id[(id.IndexOf('_') + 1)..];
        var body = string.Join("\n", upBody.Split('\n').Select(line => "        " + line));
        Write($"Migrations/{id}.cs", $$"""
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace {{@namespace}}.Migrations;

            [DbContext(typeof({{contextType}}))]
            [Migration("{{id}}")]
            public partial class {{className}} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
            {{body}}
            }

            """);
    }

    public void Delete(string relativePath)
    {
        var path = PathOf(relativePath);
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }
    }

    public void SetProperty(string name, string value) => EditProject(project =>
    {
        var group = project.Elements("PropertyGroup").First();
        group.Elements(name).Remove();
        group.Add(new XElement(name, value));
    });

    public void RemoveProperty(string name) => EditProject(project => project.Descendants(name).Remove());

    public void AddPackageReference(string id, string version, string? privateAssets = null) => EditProject(project =>
    {
        var reference = new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", version));
        if (privateAssets is not null)
        {
            reference.Add(new XAttribute("PrivateAssets", privateAssets));
        }

        project.Add(new XElement("ItemGroup", reference));
    });

    /// <summary>Removes every ProjectReference (a copied in-repository project then stands alone).</summary>
    public void RemoveProjectReferences() => EditProject(project => project.Descendants("ProjectReference").Remove());

    public void RemovePackageReference(string id) => EditProject(project =>
        project.Descendants("PackageReference").Where(r => (string?)r.Attribute("Include") == id).Remove());

    /// <summary>Runs the real <c>dotnet build</c> on the project.</summary>
    public BuildResult Build(params string[] arguments) => Run("build", arguments);

    /// <summary>Runs a real <c>dotnet</c> command (build, clean, publish …) on the project.</summary>
    public BuildResult Run(string command, params string[] arguments) => RunWith(new Dictionary<string, string?>(), command, arguments);

    /// <summary>Runs a real <c>dotnet</c> command with extra environment variables (a CI job's, a reason in a variable).</summary>
    public BuildResult RunWith(IReadOnlyDictionary<string, string?> environment, string command, params string[] arguments)
    {
        string[] all = [command, ProjectFile, "-nodeReuse:false", "-tl:off", "-clp:NoSummary", .. arguments];
        var variables = new Dictionary<string, string?>(environment) { ["COGNOVA_HOST_TRACE_FILE"] = HostTraceFile };
        return new BuildResult(DotNet.Run(Directory, variables, all));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void EditProject(Action<XElement> edit)
    {
        var document = XDocument.Load(ProjectFile);
        edit(document.Root!);
        document.Save(ProjectFile);
    }

    private static string NuGetConfig(LocalPackageFeed? feed)
    {
        var source = feed is null ? "" : $"""    <add key="cognova-local" value="{feed.Directory}" />{Environment.NewLine}""";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
            {source}  </packageSources>
            </configuration>

            """;
    }

    private static void CopyDirectory(string source, string destination)
    {
        System.IO.Directory.CreateDirectory(destination);
        foreach (var file in System.IO.Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}
