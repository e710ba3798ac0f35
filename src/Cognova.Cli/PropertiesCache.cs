using System.Text.Json;

namespace Cognova.Cli;

/// <summary>
/// Remembers the project's properties in <c>obj/</c> between runs, so that a <c>--no-build</c> command
/// does not start MSBuild just to learn where the built application is (a third of a second). Every
/// build the tool runs writes it; it is used only while none of the files that feed the evaluation
/// has changed: the project file, the <c>Directory.Build.*</c>, <c>Directory.Packages.props</c>,
/// <c>global.json</c> and <c>nuget.config</c> files above it, and what restore wrote into <c>obj/</c>.
/// </summary>
public static class PropertiesCache
{
    private const int Format = 1;

    private static readonly string[] AncestorFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config"];

    public static ProjectProperties? TryRead(ProjectBuilder.Options options)
    {
        var path = CachePath(options.ProjectFile);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != Format || root.GetProperty("key").GetString() != Key(options))
            {
                return null;
            }

            foreach (var input in root.GetProperty("inputs").EnumerateObject())
            {
                if (Stamp(input.Name) != input.Value.GetInt64())
                {
                    return null;
                }
            }

            var values = root.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.OrdinalIgnoreCase);
            return new ProjectProperties(values);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public static void Write(ProjectBuilder.Options options, ProjectProperties properties)
    {
        var path = CachePath(options.ProjectFile);
        if (path is null)
        {
            return;
        }

        var document = new Dictionary<string, object>
        {
            ["format"] = Format,
            ["key"] = Key(options),
            ["inputs"] = Inputs(options.ProjectFile).ToDictionary(file => file, Stamp),
            ["properties"] = properties.Values,
        };
        try
        {
            var temporary = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(document));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next run a third of a second.
        }
    }

    /// <summary>The tool's version, configuration and framework: a cache of another one does not apply.</summary>
    private static string Key(ProjectBuilder.Options options)
        => $"{typeof(PropertiesCache).Assembly.ManifestModule.ModuleVersionId}|{options.Configuration}|{options.Framework}";

    private static string? CachePath(string projectFile)
    {
        var obj = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj");
        return Directory.Exists(obj) ? Path.Combine(obj, Path.GetFileNameWithoutExtension(projectFile) + ".cognova-cli.json") : null;
    }

    private static IEnumerable<string> Inputs(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var name = Path.GetFileName(projectFile);
        yield return projectFile;
        yield return Path.Combine(directory, "obj", "project.assets.json");
        yield return Path.Combine(directory, "obj", name + ".nuget.g.props");
        yield return Path.Combine(directory, "obj", name + ".nuget.g.targets");
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            foreach (var file in AncestorFiles)
            {
                yield return Path.Combine(folder.FullName, file);
            }
        }
    }

    /// <summary>When the file was last written, or -1 when it does not exist (creating one counts as a change too).</summary>
    private static long Stamp(string file)
    {
        var info = new FileInfo(file);
        return info.Exists ? info.LastWriteTimeUtc.Ticks : -1;
    }
}
