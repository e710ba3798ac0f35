using System.Reflection;
using Cognova.Build.Design.DesignTime;
using Cognova.Build.Design.Diagnostics;
using Cognova.Build.Design.Drift;
using Cognova.Build.Design.Sources;

namespace Cognova.Build.Design.Commands;

/// <summary>Creates each selected DbContext once and runs every check on it.</summary>
internal static class ContextChecks
{
    public static void Run(
        Assembly assembly,
        ProjectInfo project,
        CheckSettings settings,
        SourceIndex sources,
        DiagnosticWriter diagnostics,
        HostLog log)
    {
        var contexts = new DesignTimeContexts(assembly, project, log);
        IReadOnlyList<Type> found;
        try
        {
            found = log.Step("find DbContext types", contexts.FindContextTypes);
        }
        catch (ContextCreationException ex)
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.ContextCreationFailed,
                DiagnosticSeverity.Error,
                $"Could not look for DbContext types in {assembly.GetName().Name}: {ex.Message}",
                project.ProjectFile));
            return;
        }

        var selected = Select(found, settings.ContextNames, project, diagnostics);
        if (found.Count == 0)
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.NoContextFound,
                DiagnosticSeverity.Info,
                $"No DbContext found in {assembly.GetName().Name}; there is no model to check.",
                project.ProjectFile));
            return;
        }

        var reporter = new HostReporter(log);
        foreach (var type in selected)
        {
            var contextLocation = sources.FindClass(type.Name);
            Microsoft.EntityFrameworkCore.DbContext context;
            try
            {
                context = log.Step($"create {type.Name}", () => contexts.Create(type));
            }
            catch (ContextCreationException ex)
            {
                diagnostics.Write(new Diagnostic(
                    DiagnosticCodes.ContextCreationFailed,
                    DiagnosticSeverity.Error,
                    $"Could not create {type.Name} at design time: {ex.Message}\n"
                    + $"The checks create it as dotnet ef does: through an IDesignTimeDbContextFactory<{type.Name}>, the application's services, or a parameterless constructor.",
                    contextLocation?.File ?? project.ProjectFile,
                    contextLocation?.Line ?? 0,
                    contextLocation?.Column ?? 0));
                continue;
            }

            using (context)
            {
                var drift = log.Step($"diff {type.Name} model against snapshot", () => DriftDetector.Detect(context, reporter));
                var location = drift.SnapshotTypeName is null ? contextLocation : sources.FindClass(drift.SnapshotTypeName) ?? contextLocation;
                var diagnostic = DriftReport.ToDiagnostic(drift, settings.DriftSeverity, location ?? new SourceLocation(project.ProjectFile));
                if (diagnostic is not null)
                {
                    diagnostics.Write(diagnostic);
                }
                else
                {
                    log.Verbose($"{type.Name}: model matches the snapshot of {drift.LatestMigrationId}");
                }
            }
        }
    }

    private static IReadOnlyList<Type> Select(
        IReadOnlyList<Type> found,
        IReadOnlyList<string> requested,
        ProjectInfo project,
        DiagnosticWriter diagnostics)
    {
        if (requested.Count == 0)
        {
            return found;
        }

        var selected = new List<Type>();
        foreach (var name in requested)
        {
            var match = found.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase))
                        ?? found.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var known = found.Count == 0 ? "none" : string.Join(", ", found.Select(t => t.Name));
                diagnostics.Write(new Diagnostic(
                    DiagnosticCodes.InvalidSetting,
                    DiagnosticSeverity.Error,
                    $"CognovaDbContext names '{name}', but the project has no DbContext of that name (found: {known}).",
                    project.ProjectFile));
            }
            else if (!selected.Contains(match))
            {
                selected.Add(match);
            }
        }

        return selected;
    }
}
