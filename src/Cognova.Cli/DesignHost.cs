using Cognova.Protocol;

namespace Cognova.Cli;

/// <summary>
/// Runs a command of the design host (<c>Cognova.Engine.dll</c>, shipped in <c>host/</c> beside
/// this tool) inside the application's dependency graph, as the build's checks and <c>dotnet ef</c> run:
/// <c>dotnet exec --depsfile App.deps.json --runtimeconfig App.runtimeconfig.json
/// --additionalprobingpath &lt;NuGet folders&gt; Cognova.Engine.dll &lt;command&gt; …</c>.
/// </summary>
public static class DesignHost
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "host", "Cognova.Engine.dll");

    /// <param name="project">The project with the migrations (<c>--project</c>).</param>
    /// <param name="startup">The application that runs them (<c>--startup-project</c>): its deps.json, runtimeconfig and services; null when it is <paramref name="project"/>.</param>
    /// <param name="request">The command and its options; the project's files and settings are filled in here.</param>
    internal static IReadOnlyList<string> Arguments(ProjectProperties project, ProjectProperties? startup, EngineRequest request, string? depsFile = null)
    {
        var application = startup ?? project;
        var arguments = new List<string>
        {
            "exec",
            "--depsfile", depsFile ?? application["ProjectDepsFilePath"],
            "--runtimeconfig", application["ProjectRuntimeConfigFilePath"],
        };
        foreach (var folder in application.PackageFolders)
        {
            arguments.AddRange(["--additionalprobingpath", folder.TrimEnd('/', '\\')]);
        }

        arguments.Add(AssemblyPath);
        arguments.AddRange((request with
        {
            Assembly = project.TargetPath,
            Project = project.ProjectFile,
            ProjectDirectory = project.ProjectDirectory.TrimEnd('/', '\\'),
            StartupAssembly = startup?.TargetPath,
            RootNamespace = NullIfBlank(project["RootNamespace"]),
            LockFile = NullIfBlank(project["CognovaLockFile"]),
            RuleSeverity = NullIfBlank(project["CognovaRuleSeverity"]),
            TypeScriptOutput = request.TypeScriptOutput ?? NullIfBlank(project["CognovaTypeScriptOutput"]),
            TypeScriptInclude = NullIfBlank(project["CognovaTypeScriptInclude"]),
            TypeScriptExclude = NullIfBlank(project["CognovaTypeScriptExclude"]),
            TypeScriptOverrides = NullIfBlank(project["CognovaTypeScriptOverrides"]),
        }).ToArguments());
        return arguments;
    }

    internal static int Run(ProjectProperties project, ProjectProperties? startup, EngineRequest request)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new ToolException(Cognova.Migrations.Tooling.ExitCodes.Failed, $"The design host is missing from this tool ({AssemblyPath}). Reinstall Cognova.Cli.");
        }

        // As the build runs the host: it lives a second or two, where profile-guided JIT costs more than it wins.
        var environment = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };
        var applicationDeps = (startup ?? project)["ProjectDepsFilePath"];
        var deps = HostDependencies.DepsFileFor(applicationDeps, Path.GetDirectoryName(AssemblyPath)!);
        try
        {
            return DotNetProcess.Inherit(Arguments(project, startup, request, deps), Environment.CurrentDirectory, environment);
        }
        finally
        {
            if (deps != applicationDeps)
            {
                File.Delete(deps);
            }
        }
    }

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
