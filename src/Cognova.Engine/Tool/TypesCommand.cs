using System.Reflection;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Sources;
using Cognova.Engine.Types;
using Cognova.Migrations.Tooling;
using Cognova.Protocol;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova types [--check]</c>: the TypeScript types of the project's DbContexts, as the build makes them
/// (every DbContext, or those <c>CognovaDbContext</c> or <c>--context</c> name). Writes the file when it changed;
/// with <c>--check</c> only compares it, and a stale file is COG6001 (exit code 6).
/// </summary>
internal static class TypesCommand
{
    public static int Run(EngineRequest arguments, CliConsole console, HostLog log)
    {
        TypeScriptSettings? settings;
        try
        {
            settings = TypeScriptSettings.From(arguments);
        }
        catch (SettingException ex)
        {
            throw CliException.Usage(ex.Message);
        }

        if (settings is null)
        {
            throw CliException.Usage(
                "Where should the types go? Set <CognovaTypeScriptOutput>../web/src/db.types.ts</CognovaTypeScriptOutput> in the project (the build then writes them too), or pass --output <file>.");
        }

        var project = new ProjectInfo(arguments.Project, arguments.ProjectDirectory, arguments.RootNamespace);
        if (!ApplicationLoader.HasDesignPackage())
        {
            throw CliException.Usage(
                $"Microsoft.EntityFrameworkCore.Design is not referenced by {Path.GetFileName(project.ProjectFile)}, and dotnet cognova uses EF Core's design-time services (as dotnet ef does). "
                + "Add it: dotnet add package Microsoft.EntityFrameworkCore.Design (keep PrivateAssets=\"all\").");
        }

        Assembly assembly;
        try
        {
            assembly = log.Step("load application assembly", () => ApplicationLoader.Load(arguments.Assembly));
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException)
        {
            throw CliException.Usage($"Could not load the application assembly: {ex.Message} Build the project (leave out --no-build).");
        }

        var startup = arguments.StartupAssembly is { } startupPath ? log.Step("load startup assembly", () => ApplicationLoader.Load(startupPath)) : null;
        var contexts = new DesignTimeContexts(assembly, project, log, startup);
        var model = new TypeScriptModel();
        try
        {
            foreach (var type in Select(log.Step("find DbContext types", contexts.FindContextTypes), arguments.ContextNames))
            {
                using var context = log.Step($"create {type.Name}", () => contexts.Create(type));
                model.Add(context, contexts.ApplicationServices);
            }
        }
        catch (ContextCreationException ex)
        {
            throw new CliException(ExitCodes.Failed, $"Could not create the DbContext {ex.ContextName}: {ex.Message}");
        }

        var (wire, source) = log.Step("read the JSON contract", model.Wire);
        log.Verbose("JSON settings: " + source);
        var diagnostics = new DiagnosticWriter(TextWriter.Null);
        var sources = new SourceIndex(ProjectSourceFiles.Under(project.ProjectDirectory));
        var upToDate = TypeScriptTypes.Produce(settings, model.Description(), wire, name => sources.FindClass(name), project.ProjectFile, diagnostics, log);
        foreach (var diagnostic in diagnostics.Written)
        {
            var line = $"{diagnostic.Code}: {diagnostic.Message}";
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                console.Error(line);
            }
            else
            {
                console.Warning(line);
            }
        }

        if (!upToDate)
        {
            return settings.CompareOnly ? ExitCodes.ChecksFailed : ExitCodes.Failed;
        }

        if (diagnostics.ErrorCount > 0)
        {
            return ExitCodes.ChecksFailed;
        }

        console.Success($"{settings.OutputPath} is up to date with the model.");
        return ExitCodes.Success;
    }

    private static IEnumerable<Type> Select(IReadOnlyList<Type> found, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return found;
        }

        return names.Select(name =>
            found.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase))
            ?? found.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw CliException.Usage($"The project has no DbContext named '{name}' (found: {string.Join(", ", found.Select(t => t.Name))}).")).Distinct();
    }
}
