using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cognova.Engine.Build;

/// <summary>
/// Writes the two files that turn the application's build output into a migration bundle:
/// <c>&lt;bundle&gt;.deps.json</c> (the application's, with the bundle's own assemblies added to the
/// application's entry so that the host loads them) and <c>&lt;bundle&gt;.runtimeconfig.json</c> (the
/// application's, with the manifest as a runtime property).
/// </summary>
public static class BundleStaging
{
    /// <returns>The extra assemblies that were added: those the application does not ship already.</returns>
    public static IReadOnlyList<string> WriteDepsFile(string applicationDepsFile, string applicationName, IEnumerable<string> extraAssemblies, string destination)
    {
        var deps = JsonNode.Parse(File.ReadAllText(applicationDepsFile))!.AsObject();
        var targets = deps["targets"]!.AsObject();

        // An application that references Cognova.Migrations itself already ships it: keep its copy.
        var added = extraAssemblies
            .Where(extra => !targets.Any(target => Ships(target.Value!.AsObject(), Path.GetFileName(extra))))
            .ToList();
        // A runtime-specific deps.json also has an empty target without the runtime: skip targets without the application.
        var entries = targets
            .Select(target => target.Value!.AsObject().FirstOrDefault(l => l.Value?["runtime"] is JsonObject runtime
                && runtime.Any(asset => string.Equals(Path.GetFileName(asset.Key), applicationName + ".dll", StringComparison.OrdinalIgnoreCase))).Value)
            .OfType<JsonObject>()
            .ToList();
        if (entries.Count == 0)
        {
            throw new InvalidOperationException($"{applicationDepsFile} has no entry for {applicationName}.");
        }

        foreach (var entry in entries)
        {
            var runtimeAssets = entry["runtime"]!.AsObject();
            foreach (var extra in added)
            {
                runtimeAssets[Path.GetFileName(extra)] ??= new JsonObject();
            }
        }

        AtomicFile.WriteAllText(destination, deps.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return added;
    }

    private static bool Ships(JsonObject target, string fileName)
        => target.Any(library => library.Value?["runtime"] is JsonObject runtime
            && runtime.Any(asset => string.Equals(Path.GetFileName(asset.Key), fileName, StringComparison.OrdinalIgnoreCase)));

    private const string TieredPgoProperty = "System.Runtime.TieredPGO";

    public static void WriteRuntimeConfig(string applicationRuntimeConfig, BundleManifest manifest, string destination)
    {
        var config = JsonNode.Parse(File.ReadAllText(applicationRuntimeConfig))!.AsObject();
        var options = config["runtimeOptions"] as JsonObject ?? new JsonObject();
        config["runtimeOptions"] = options;
        var properties = options["configProperties"] as JsonObject ?? new JsonObject();
        options["configProperties"] = properties;
        properties[BundleManifest.PropertyName] = manifest.ToJson();
        // A bundle lives a second or two: profile-guided JIT costs more than it wins in that time. The application's own setting stays.
        properties.TryAdd(TieredPgoProperty, false);
        AtomicFile.WriteAllText(destination, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
