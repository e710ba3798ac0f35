using System.Reflection;
using System.Text.Json.Nodes;

namespace Cognova.Cli;

/// <summary>
/// The design host runs with the application's deps.json and uses <c>Cognova.Migrations</c> (the runtime
/// runner). An application that references an older <c>Cognova.Migrations</c> than this tool ships would
/// make the runtime refuse the host's reference to the newer one; for such an application the host runs
/// with a copy of its deps.json without that entry, so the tool's own (newer, compatible) copy next to
/// the host is used. An application with the same or a newer version keeps its own.
/// </summary>
public static class HostDependencies
{
    public const string SharedAssembly = "Cognova.Migrations";

    /// <summary>
    /// The deps.json to run the host with: the application's, or an adjusted copy beside it
    /// (<c>App.cognova-host.deps.json</c>: the runtime finds the application's own files relative to the
    /// deps.json), which the caller deletes after the run.
    /// </summary>
    public static string DepsFileFor(string applicationDepsFile, string hostDirectory)
    {
        var ours = Path.Combine(hostDirectory, SharedAssembly + ".dll");
        if (!File.Exists(ours) || !File.Exists(applicationDepsFile))
        {
            return applicationDepsFile;
        }

        var document = JsonNode.Parse(File.ReadAllText(applicationDepsFile));
        var theirs = AssemblyVersionIn(document);
        if (theirs is null || theirs >= AssemblyName.GetAssemblyName(ours).Version)
        {
            return applicationDepsFile;
        }

        RemoveRuntimeAsset(document!);
        var adjusted = Path.Combine(Path.GetDirectoryName(applicationDepsFile)!, Path.GetFileName(applicationDepsFile).Replace(".deps.json", $".cognova-host-{Environment.ProcessId}.deps.json", StringComparison.OrdinalIgnoreCase));
        File.WriteAllText(adjusted, document!.ToJsonString());
        return adjusted;
    }

    /// <summary>The assembly version of Cognova.Migrations.dll in the deps.json's runtime assets, or null when the application has none.</summary>
    public static Version? AssemblyVersionIn(JsonNode? document)
    {
        foreach (var (_, asset) in RuntimeAssets(document))
        {
            return Version.TryParse(asset?["assemblyVersion"]?.GetValue<string>(), out var version) ? version : new Version(0, 0, 0, 0);
        }

        return null;
    }

    private static void RemoveRuntimeAsset(JsonNode document)
    {
        foreach (var (runtime, _) in RuntimeAssets(document).ToList())
        {
            runtime.Remove(runtime.Select(p => p.Key).First(IsShared));
        }
    }

    private static IEnumerable<(JsonObject Runtime, JsonNode? Asset)> RuntimeAssets(JsonNode? document)
    {
        if (document?["targets"] is not JsonObject targets)
        {
            yield break;
        }

        foreach (var (_, target) in targets)
        {
            if (target is not JsonObject libraries)
            {
                continue;
            }

            foreach (var (_, library) in libraries)
            {
                if (library?["runtime"] is JsonObject runtime && runtime.FirstOrDefault(p => IsShared(p.Key)) is { Key: not null } found)
                {
                    yield return (runtime, found.Value);
                }
            }
        }
    }

    private static bool IsShared(string assetPath)
        => string.Equals(Path.GetFileName(assetPath), SharedAssembly + ".dll", StringComparison.OrdinalIgnoreCase);
}
