using Cognova.Build.Design.DesignTime;
using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Sources;

namespace Cognova.Build.Design.Commands;

/// <summary>
/// <c>check</c>: the build-time checks of one project. This method touches no EF Core type, so that a
/// project without EF Core's design package gets COG0002 instead of a type-load failure.
/// </summary>
internal static class CheckCommand
{
    public static void Run(HostArguments arguments, DiagnosticWriter diagnostics, HostLog log)
    {
        var project = new ProjectInfo(
            arguments.Required("project"),
            arguments.Required("project-dir"),
            arguments.Optional("root-namespace"));

        CheckSettings settings;
        try
        {
            settings = CheckSettings.From(arguments);
        }
        catch (SettingException ex)
        {
            diagnostics.Write(new Diagnostic(DiagnosticCodes.InvalidSetting, DiagnosticSeverity.Error, ex.Message, project.ProjectFile));
            return;
        }

        if (settings.DriftSeverity == DiagnosticSeverity.None)
        {
            log.Verbose("every check is off; nothing to do");
            return;
        }

        if (!ApplicationLoader.HasDesignPackage())
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.DesignPackageMissing,
                DiagnosticSeverity.Error,
                "Microsoft.EntityFrameworkCore.Design is not referenced by this project, and the checks need EF Core's design-time services. "
                + "Add it: dotnet add package Microsoft.EntityFrameworkCore.Design (keep PrivateAssets=\"all\"), or turn the checks off with -p:CognovaEnabled=false.",
                project.ProjectFile));
            return;
        }

        var assemblyPath = arguments.Required("assembly");
        System.Reflection.Assembly assembly;
        try
        {
            assembly = log.Step("load application assembly", () => ApplicationLoader.Load(assemblyPath));
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException)
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.ApplicationLoadFailed,
                DiagnosticSeverity.Error,
                $"Could not load the application assembly '{assemblyPath}': {ex.Message}",
                project.ProjectFile));
            return;
        }

        var sources = SourceIndex.FromListFile(arguments.Optional("sources"));
        ContextChecks.Run(assembly, project, settings, sources, diagnostics, log);
    }
}
