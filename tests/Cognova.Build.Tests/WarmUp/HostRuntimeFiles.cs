namespace Cognova.Build.Tests.WarmUp;

/// <summary>A made-up application's deps.json and runtimeconfig.json, which a warm or spare host fingerprints when it starts.</summary>
internal static class HostRuntimeFiles
{
    public static (string Deps, string RuntimeConfig) Write(string directory)
    {
        var deps = Path.Combine(directory, "App.deps.json");
        var runtimeConfig = Path.Combine(directory, "App.runtimeconfig.json");
        File.WriteAllText(deps, """{ "libraries": { "Npgsql/10.0.3": {} } }""");
        File.WriteAllText(runtimeConfig, """{ "runtimeOptions": {} }""");
        return (deps, runtimeConfig);
    }

    /// <summary>The deps.json after a package was added.</summary>
    public static void AddPackage(string deps)
        => File.WriteAllText(deps, """{ "libraries": { "Npgsql/10.0.3": {}, "Humanizer/2.14.1": {} } }""");
}
