using Cognova.Engine.Diagnostics;
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

        var session = CliSession.OpenEvery(arguments, console, log);
        var model = new TypeScriptModel();
        foreach (var type in session.ContextTypes)
        {
            using var context = session.CreateContext(type);
            model.Add(context, session.Contexts.ApplicationServices);
        }

        var (wire, source) = log.Step("read the JSON contract", model.Wire);
        log.Verbose("JSON settings: " + source);
        var diagnostics = new DiagnosticList();
        var upToDate = TypeScriptTypes.Produce(settings, model.Description(), wire, name => session.Sources.FindClass(name), session.Project.ProjectFile, diagnostics, log);
        foreach (var diagnostic in diagnostics.Items)
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
}
