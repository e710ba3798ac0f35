using System.Text.Json;

namespace Cognova.Cli;

/// <summary>
/// What the tool needs to know about the project, read from MSBuild in one call
/// (<c>-getProperty:…</c> prints them as JSON): where the built application and its runtime files are,
/// the NuGet folders its deps.json points into, and the Cognova.Build settings that change what the
/// checks see (so a command and a build never disagree).
/// </summary>
public sealed class ProjectProperties
{
    public static readonly IReadOnlyList<string> Names =
    [
        "MSBuildProjectFullPath", "MSBuildProjectDirectory", "TargetPath", "ProjectDepsFilePath", "ProjectRuntimeConfigFilePath",
        "NuGetPackageFolders", "RootNamespace", "TargetFramework", "TargetFrameworks",
        "CognovaLockFile", "CognovaRuleSeverity", "CognovaDbContext",
        "CognovaTypeScriptOutput", "CognovaTypeScriptInclude", "CognovaTypeScriptExclude", "CognovaTypeScriptOverrides",
    ];

    private readonly IReadOnlyDictionary<string, string> _values;

    public ProjectProperties(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>Every property read, by name.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public string this[string name] => _values.TryGetValue(name, out var value) ? value : "";

    public string ProjectFile => this["MSBuildProjectFullPath"];

    public string ProjectDirectory => this["MSBuildProjectDirectory"];

    public string TargetPath => this["TargetPath"];

    public IEnumerable<string> PackageFolders => this["NuGetPackageFolders"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The DbContext the project's build checks, when it names exactly one (<c>CognovaDbContext</c>).</summary>
    public string? DefaultContext
        => this["CognovaDbContext"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var single] ? single : null;

    /// <summary>Reads the JSON <c>dotnet msbuild -getProperty</c> prints: <c>{ "Properties": { "Name": "value", … } }</c>.</summary>
    public static ProjectProperties Parse(string json)
    {
        var start = json.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException("MSBuild printed no properties.");
        }

        using var document = JsonDocument.Parse(json[start..]);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.GetProperty("Properties").EnumerateObject())
        {
            values[property.Name] = property.Value.GetString() ?? "";
        }

        return new ProjectProperties(values);
    }

    /// <summary>Why the design host cannot run on this project, or null when it can.</summary>
    public string? Problem()
    {
        if (string.IsNullOrEmpty(this["TargetFramework"]) && !string.IsNullOrEmpty(this["TargetFrameworks"]))
        {
            return $"{Path.GetFileName(ProjectFile)} targets several frameworks ({this["TargetFrameworks"]}): pick one with --framework <tfm>.";
        }

        if (string.IsNullOrEmpty(TargetPath) || !File.Exists(TargetPath))
        {
            return $"{Path.GetFileName(ProjectFile)} has not been built ({(string.IsNullOrEmpty(TargetPath) ? "no output path" : TargetPath + " does not exist")}). Leave out --no-build.";
        }

        var runtimeConfig = this["ProjectRuntimeConfigFilePath"];
        if (string.IsNullOrEmpty(runtimeConfig) || !File.Exists(runtimeConfig))
        {
            return $"dotnet cognova runs inside the application's runtime, but {(string.IsNullOrEmpty(runtimeConfig) ? "the project has no runtimeconfig.json" : runtimeConfig + " does not exist")}. "
                   + "For a class library, add <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles> to the project (or point --project at the startup project).";
        }

        var deps = this["ProjectDepsFilePath"];
        return string.IsNullOrEmpty(deps) || !File.Exists(deps)
            ? $"{Path.GetFileName(ProjectFile)} has no deps.json next to {Path.GetFileName(TargetPath)}. Build the project (leave out --no-build)."
            : null;
    }
}
