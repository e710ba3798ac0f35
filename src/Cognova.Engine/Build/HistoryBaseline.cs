using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;

namespace Cognova.Engine.Build;

/// <summary>
/// Adopting an existing history: a DbContext with migrations and no lock file yet. Instead of every
/// finding of every migration (each asking for its own approval), one summary that counts them and
/// gives the one command that records the whole history as reviewed (COG3020).
/// </summary>
internal static class HistoryBaseline
{
    public const string ReasonVariable = "COGNOVA_APPROVE_REASON";
    private const int MigrationsListed = 8;

    /// <summary>
    /// No migration of the context is locked yet, and migrations before the latest one have findings
    /// that fail the build: an existing history meets the checks for the first time. (Findings in the
    /// latest migration alone are the everyday case of a migration just added, reported one by one; an
    /// older history with warnings only builds, so it is not stopped for a summary.)
    /// </summary>
    public static bool IsUnlockedHistory(LockedContext locked, IReadOnlyList<MigrationScript> scripts, IReadOnlyList<Finding> findings)
    {
        if (locked.Migrations.Count > 0 || scripts.Count < 2)
        {
            return false;
        }

        var latest = scripts[^1].Id;
        return findings.Any(f => f.MigrationId != latest && f.Severity == DiagnosticSeverity.Error);
    }

    public static Diagnostic Summary(
        string contextName,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        ProjectInfo project,
        string migrationsProject,
        SourceLocation location)
    {
        var open = findings.Where(f => f.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToList();
        var errors = open.Count(f => f.Severity == DiagnosticSeverity.Error);
        var byMigration = open.GroupBy(f => f.MigrationId).ToList();
        var lines = new List<string>
        {
            $"{contextName} has {scripts.Count} migrations and no lock file yet: {open.Count} finding(s) in {byMigration.Count} migration(s) "
            + $"({errors} error(s): destructive SQL nobody reviewed; {open.Count - errors} warning(s)). "
            + "To adopt this history as reviewed, approve it once with a reason (kept in the lock file beside the migrations, which you then commit):",
            "    " + ToolCommand(project, migrationsProject),
            $"    or without the tool: {ReasonVariable}=\"<why this history is safe>\" dotnet build {ApproveCommandText.ProjectArgument(project.ProjectFile)}-t:CognovaApprove -p:CognovaApproveMigration=\"*\"",
            "  To read every finding first: dotnet cognova review. The migrations with findings:",
        };
        foreach (var migration in byMigration.Take(MigrationsListed))
        {
            var rules = migration.GroupBy(f => f.Rule.Id).Select(r => r.Count() == 1 ? r.Key : $"{r.Key} x{r.Count()}");
            lines.Add($"  - {migration.Key}: {string.Join(", ", rules)}");
        }

        if (byMigration.Count > MigrationsListed)
        {
            lines.Add($"  - … and {byMigration.Count - MigrationsListed} more");
        }

        return new Diagnostic(
            DiagnosticCodes.HistoryNeedsBaseline,
            DiagnosticSeverity.Error,
            string.Join("\n", lines),
            location.File,
            location.Line,
            location.Column);
    }

    /// <summary><c>dotnet cognova baseline</c>, with <c>-p</c>/<c>-s</c> when the migrations live in a referenced project.</summary>
    private static string ToolCommand(ProjectInfo project, string migrationsProject)
    {
        var projects = migrationsProject == project.ProjectFile
            ? "-p " + ApproveCommandText.ProjectArgument(project.ProjectFile)
            : $"-p {ApproveCommandText.ProjectArgument(migrationsProject)}-s {ApproveCommandText.ProjectArgument(project.ProjectFile)}";
        return $"dotnet cognova baseline {projects}--reason \"<why this history is safe>\"";
    }
}
