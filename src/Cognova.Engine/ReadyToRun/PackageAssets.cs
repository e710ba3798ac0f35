using System.Text.Json;

namespace Cognova.Engine.ReadyToRun;

/// <summary>
/// The file names of the application's package assemblies, from its deps.json: the only assemblies worth an
/// image, because a package's file never changes, where the application's own projects change at every build.
/// </summary>
internal static class PackageAssets
{
    /// <summary>The application's deps.json, the first the .NET host read (the host separates them with ';' everywhere).</summary>
    public static string? ApplicationDepsFile()
        => (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault();

    public static IReadOnlySet<string> Read(string depsFile)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var stream = File.OpenRead(depsFile);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (!root.TryGetProperty("libraries", out var libraries) || !root.TryGetProperty("targets", out var targets))
        {
            return names;
        }

        foreach (var target in targets.EnumerateObject())
        {
            foreach (var library in target.Value.EnumerateObject())
            {
                if (IsPackage(libraries, library.Name) && library.Value.TryGetProperty("runtime", out var runtime))
                {
                    foreach (var asset in runtime.EnumerateObject())
                    {
                        names.Add(Path.GetFileNameWithoutExtension(asset.Name));
                    }
                }
            }
        }

        return names;
    }

    private static bool IsPackage(JsonElement libraries, string key)
        => libraries.TryGetProperty(key, out var library)
            && library.TryGetProperty("type", out var type)
            && type.ValueEquals("package");
}
