using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Engine.Types;
using Cognova.Protocol;

namespace Cognova.Engine.Build;

/// <summary>
/// <c>check</c> (the build's checks), <c>approve</c> (record a reviewer's approval, then check) and
/// <c>bundle</c> (the strictest check, then the files a migration bundle is made of).
/// This class touches no EF Core type, so that a project without EF Core's design package gets
/// COG0002 instead of a type-load failure.
/// </summary>
internal static class CheckCommand
{
    public static void Run(EngineRequest arguments, DiagnosticWriter diagnostics, HostLog log)
    {
        var project = new ProjectInfo(
            arguments.Project,
            arguments.ProjectDirectory,
            arguments.RootNamespace,
            string.Equals(arguments.OutputType, "Library", StringComparison.OrdinalIgnoreCase),
            ReferencedProjects.FromListFile(arguments.ReferencesFile));

        CheckSettings settings;
        TypeScriptSettings? typeScript;
        try
        {
            settings = arguments.Command == "bundle" ? CheckSettings.ForBundle(arguments) : CheckSettings.From(arguments);
            typeScript = arguments.Command == "check" ? TypeScriptSettings.From(arguments) : null;
        }
        catch (SettingException ex)
        {
            diagnostics.Write(new Diagnostic(DiagnosticCodes.InvalidSetting, DiagnosticSeverity.Error, ex.Message, project.ProjectFile));
            return;
        }

        if (arguments.Command == "approve" && settings.LockReadOnly)
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.ApprovalInLockedMode,
                DiagnosticSeverity.Error,
                "Approvals are recorded on a developer machine and committed with the lock file; this build is in locked mode (ContinuousIntegrationBuild or CognovaLockedMode), which never writes the lock file. "
                + "Approve locally (dotnet build -t:CognovaApprove -p:CognovaApproveMigration=<migration> -p:CognovaApproveReason=\"<why this is safe>\"), then commit the lock file.",
                project.ProjectFile));
            return;
        }

        var approval = arguments.Command == "approve" ? ReadApproval(arguments, project, diagnostics) : null;
        if (arguments.Command == "approve" && approval is null)
        {
            return;
        }

        if (!settings.AnyCheck && approval is null && typeScript is null)
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

        var assemblyPath = arguments.Assembly;
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

        // Compute, then write the lock files, then render: no diagnostic is printed before the result is whole.
        var checks = new ContextChecks(project, settings, Sources(arguments, project), log)
        {
            DeferToReferencedProjects = arguments.Command == "check",
            TypeScript = typeScript,
        };
        var result = checks.Run(assembly, approval);
        result = log.Step("write the lock files", () => LockFileWrites.Perform(result, log));
        if (approval is not null && result.ApprovalMatches == 0)
        {
            result = result.WithDiagnostics([NothingToApprove(approval, project)]);
        }

        if (arguments.Command == "bundle")
        {
            result = BundleCommand.WriteStaging(arguments, project, result, log);
            diagnostics.Write(result);
            return;
        }

        diagnostics.Write(result);
        log.Step("write the check's outputs", () =>
        {
            CheckOutputs.Write(arguments, settings, result, log);
            BundleCommand.StageAfterCheck(arguments, settings, result, log);
            return true;
        });
    }

    private static Diagnostic NothingToApprove(ApprovalRequest approval, ProjectInfo project) => new(
        DiagnosticCodes.InvalidApproval,
        DiagnosticSeverity.Error,
        approval.Migration == "*"
            ? "There is nothing to approve: no migration has an unapproved finding."
            : $"There is no migration '{approval.Migration}' to approve. Give its id (e.g. 20240101120000_AddTags) or its name (AddTags).",
        project.ProjectFile);

    /// <summary>The project's own sources and those of the projects it references, where a DbContext's migrations may live.</summary>
    private static SourceIndex Sources(EngineRequest arguments, ProjectInfo project)
    {
        var own = SourceIndex.FromListFile(arguments.SourcesFile).Files;
        var referenced = project.Referenced.Projects.SelectMany(p => ProjectSourceFiles.Under(p.ProjectDirectory));
        return new SourceIndex(own.Concat(referenced).Distinct(StringComparer.Ordinal));
    }

    private static ApprovalRequest? ReadApproval(EngineRequest arguments, ProjectInfo project, DiagnosticWriter diagnostics)
    {
        var migration = arguments.Migration;
        string? reason;
        try
        {
            reason = ApprovalReason.Read(arguments);
        }
        catch (ApprovalReasonException ex)
        {
            diagnostics.Write(new Diagnostic(DiagnosticCodes.InvalidApproval, DiagnosticSeverity.Error, ex.Message, project.ProjectFile));
            return null;
        }

        if (migration is null || string.IsNullOrEmpty(reason))
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.InvalidApproval,
                DiagnosticSeverity.Error,
                "An approval needs the migration and a reason: dotnet build -t:CognovaApprove -p:CognovaApproveMigration=<migration> -p:CognovaApproveReason=\"<why this is safe>\" "
                + $"(or the reason in a file, -p:CognovaApproveReasonFile=<path>, or in the {HistoryBaseline.ReasonVariable} environment variable).",
                project.ProjectFile));
            return null;
        }

        return new ApprovalRequest(migration, reason);
    }
}
