using Cognova.Engine.Build.Results;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;

namespace Cognova.Engine.Build.Checks;

/// <summary>
/// The checks on a DbContext's migrations once their SQL and the rules' findings are known: approvals and the
/// lock file. Lock files are read once per run and changed in memory only; <see cref="LockWrites"/> says
/// which to write, and the build writes them after the check (<see cref="LockFileWrites"/>).
/// </summary>
internal sealed class MigrationChecks(ProjectInfo project, CheckSettings settings, SourceIndex sources)
{
    private readonly LockFileStore _locks = new(settings.LockReadOnly);
    private readonly FindingPlacement _placement = new(sources, project.ProjectFile);
    private readonly string _projectArgument = ApproveCommandText.ProjectArgument(project.ProjectFile);

    /// <summary>
    /// The lock entry is read, the approval asked for recorded, each finding placed with its approval; then a
    /// history never locked gets one summary, or else each open finding is reported and the lock verified.
    /// In that order: each step reads what the one before recorded.
    /// </summary>
    /// <param name="context">The context's result so far (its names and drift); returned with its lock file and migrations.</param>
    /// <param name="findings">The rules' findings (none when the rules are off).</param>
    /// <param name="snapshotLocation">The model snapshot's class: the lock file is beside it.</param>
    public (ContextResult Result, int ApprovalMatches) Check(
        ContextResult context,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        SourceLocation? snapshotLocation,
        ApprovalRequest? approval,
        DiagnosticList diagnostics)
    {
        var lockPath = LockPaths.For(settings.LockFile, project, snapshotLocation);
        var locked = LoadLock(lockPath, diagnostics)?.For(context.Name);
        var problems = new List<LockProblem>();
        var approvalMatches = 0;

        // Locked mode never writes the lock: CheckCommand refuses an approval there before any check runs.
        if (approval is not null && locked is not null && !settings.LockReadOnly)
        {
            var approved = ApprovalStep.Apply(context.Name, locked, scripts, findings, approval, lockPath);
            approvalMatches = approved.Matches;
            problems.AddRange(approved.Problems);
            diagnostics.AddRange(approved.Diagnostics);
            MarkChanged(lockPath, approved.LockChanged);
        }

        var migrations = _placement.Place(scripts, findings, locked);

        // A history that was never locked (no lock entry, findings before the latest migration) is
        // adopted in one step: one summary and one command, instead of every finding of every migration.
        if (locked is not null && HistoryBaseline.IsUnlockedHistory(locked, scripts, findings))
        {
            diagnostics.Add(HistoryBaseline.Summary(
                context.Name, scripts, findings, project, LockPaths.MigrationsProjectOf(project, snapshotLocation), snapshotLocation ?? new SourceLocation(lockPath)));
        }
        else
        {
            diagnostics.AddRange(FindingDiagnostics.ForOpenFindings(migrations, _projectArgument));
            if (settings.LockCheck && locked is not null)
            {
                var verified = LockCheck.Verify(context.Name, locked, scripts, migrations, lockPath, settings.LockReadOnly);
                migrations = verified.Migrations;
                problems.AddRange(verified.Problems);
                diagnostics.AddRange(verified.Diagnostics);
                MarkChanged(lockPath, verified.LockChanged);
            }
        }

        return (context with { LockFile = lockPath, Migrations = migrations, LockProblems = problems }, approvalMatches);
    }

    private void MarkChanged(string lockPath, bool changed)
    {
        if (changed)
        {
            _locks.MarkChanged(lockPath);
        }
    }

    private LockFile? LoadLock(string path, DiagnosticList diagnostics)
    {
        try
        {
            return _locks.Get(path);
        }
        catch (LockFileFormatException ex)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.LockFileMalformed,
                DiagnosticSeverity.Error,
                $"The lock file cannot be read: {ex.Message} Fix it or restore it from version control; deleting it re-locks every migration on the next local build.",
                path,
                ex.Line,
                ex.Column));
            return null;
        }
    }

    /// <summary>The lock files changed so far, with their new content; none in locked mode.</summary>
    public IReadOnlyList<LockWrite> LockWrites() => _locks.Changed.Select(c => new LockWrite(c.Path, c.File)).ToList();

    /// <summary>Every lock file read so far, so that the build reruns the check when one changes.</summary>
    public IReadOnlyList<string> LockFiles() => _locks.Paths.ToList();
}
