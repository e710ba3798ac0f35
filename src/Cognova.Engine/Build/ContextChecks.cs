using System.Reflection;
using Cognova.Engine.Cache;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Drift;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Reports;
using Cognova.Engine.Sources;
using Cognova.Engine.Types;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cognova.Engine.Build;

/// <summary>
/// Creates each selected DbContext once and runs every check on it: model drift, the SQL rules on
/// each migration, and the lock file (integrity, approvals, appending new migrations).
/// </summary>
internal sealed class ContextChecks(
    ProjectInfo project,
    CheckSettings settings,
    SourceIndex sources,
    DiagnosticWriter diagnostics,
    HostLog log)
{
    private const string ReasonMissing =
        "Approval: the lock file approves this statement, but the approval's reason is missing (empty or blank), so it does not count. Approve it again with a reason (the command above).";

    private readonly LockFileStore _locks = new(settings.LockReadOnly);
    private readonly MigrationLinter _linter = new(settings.RuleSeverities);
    private readonly MigrationCache _cache = new(settings.CacheDirectory, readEntries: !settings.LockReadOnly, sources, settings.RuleSeverities, log);
    private readonly string _projectArgument = ApproveCommandText.ProjectArgument(project.ProjectFile);

    public CheckReport Report { get; } = new();

    /// <summary>The TypeScript types to produce from the contexts this run creates; null: none.</summary>
    public TypeScriptSettings? TypeScript { get; init; }

    private readonly TypeScriptModel _typeScriptModel = new();

    /// <summary>
    /// Leave a context to the referenced project that checks it itself. Off for a bundle and an approval:
    /// they need the context the application migrates, whoever else checks it.
    /// </summary>
    public bool DeferToReferencedProjects { get; init; }

    /// <summary>How many migrations the approval request matched, over all contexts.</summary>
    public int ApprovalMatches { get; private set; }

    public void Run(Assembly assembly, ApprovalRequest? approval)
    {
        var contexts = new DesignTimeContexts(assembly, project, log);
        IReadOnlyList<Type> found;
        try
        {
            found = log.Step("find DbContext types", contexts.FindContextTypes);
        }
        catch (ContextCreationException ex)
        {
            Write(DiagnosticCodes.ContextCreationFailed, DiagnosticSeverity.Error, $"Could not look for DbContext types in {assembly.GetName().Name}: {ex.Message}");
            return;
        }

        if (found.Count == 0)
        {
            Write(DiagnosticCodes.NoContextFound, DiagnosticSeverity.Info, $"No DbContext found in {assembly.GetName().Name}; there is no model to check.");
            return;
        }

        foreach (var type in Select(found))
        {
            if (IsCheckedElsewhere(type))
            {
                // The referenced project checks it, but the types are this project's: the application's JSON settings are here.
                if (TypeScript is not null && !project.IsLibrary)
                {
                    DescribeForTypes(contexts, type);
                }

                continue;
            }

            CheckContext(contexts, type, approval);
        }

        if (TypeScript is not null)
        {
            var (wire, source) = log.Step("read the JSON contract", _typeScriptModel.Wire);
            log.Verbose("JSON settings: " + source);
            TypeScriptTypes.Produce(TypeScript, _typeScriptModel.Description(), wire, name => sources.FindClass(name), project.ProjectFile, diagnostics, log);
        }

        try
        {
            var saved = settings.LockCheck || approval is not null ? _locks.SaveChanged() : [];
            foreach (var path in saved)
            {
                log.Verbose("wrote " + path);
            }
        }
        catch (LockFileWriteException ex)
        {
            Write(
                DiagnosticCodes.LockFileNotWritten,
                DiagnosticSeverity.Error,
                $"The lock file could not be written: {ex.Message} Make its folder writable (or point CognovaLockFile at a writable path) and build again.",
                ex.Path);
        }
    }

    /// <summary>
    /// Each migrations assembly is checked once. A class library cannot create a DbContext that only the
    /// application configures (<c>AddDbContext</c>): the application's build checks it. An application
    /// leaves a context to the referenced project that declares it when that project runs the checks
    /// itself and can create it alone (see <see cref="DeferToReferencedProjects"/>).
    /// </summary>
    private bool IsCheckedElsewhere(Type type)
    {
        var location = sources.FindClass(type.Name);
        if (project.IsLibrary && !StandaloneContext.CanCreate(type))
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.ContextNeedsStartupProject,
                DiagnosticSeverity.Info,
                $"{type.Name} has no design-time factory, so {Path.GetFileNameWithoutExtension(project.ProjectFile)} (a class library) cannot create it alone: "
                + $"it is checked when the application that configures it builds. Reference Cognova.Build from that startup project (the one that calls AddDbContext<{type.Name}>), "
                + $"or add an IDesignTimeDbContextFactory<{type.Name}> to this project.",
                location?.File ?? project.ProjectFile,
                location?.Line ?? 0,
                location?.Column ?? 0));
            return true;
        }

        if (DeferToReferencedProjects && location is not null && project.Referenced.Containing(location.File) is { ChecksItself: true } owner && StandaloneContext.CanCreate(type))
        {
            log.Verbose($"{type.Name} is checked by the build of {Path.GetFileName(owner.ProjectFile)}, which declares it");
            return true;
        }

        return false;
    }

    private void DescribeForTypes(DesignTimeContexts contexts, Type type)
    {
        try
        {
            using var context = log.Step($"create {type.Name}", () => contexts.Create(type));
            _typeScriptModel.Add(context, contexts.ApplicationServices);
        }
        catch (ContextCreationException ex)
        {
            var location = sources.FindClass(type.Name);
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.ContextCreationFailed,
                DiagnosticSeverity.Error,
                $"Could not create {type.Name} at design time for the TypeScript types: {ex.Message}",
                location?.File ?? project.ProjectFile,
                location?.Line ?? 0,
                location?.Column ?? 0));
        }
    }

    /// <summary>Every lock file this run read or wrote, so the build can rerun the check when one changes.</summary>
    public IEnumerable<string> LockFiles => _locks.Paths;

    private void CheckContext(DesignTimeContexts contexts, Type type, ApprovalRequest? approval)
    {
        var contextLocation = sources.FindClass(type.Name);
        var snapshotTask = SnapshotLoader.StartLoading(type.Assembly, type);
        DbContext context;
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
            return;
        }

        using (context)
        {
            if (TypeScript is not null)
            {
                log.Step($"describe {type.Name} for the TypeScript types", () =>
                {
                    _typeScriptModel.Add(context, contexts.ApplicationServices);
                    return true;
                });
                if (!settings.AnyCheck && approval is null)
                {
                    return;
                }
            }

            var report = new ContextReport(type.Name, type.FullName ?? type.Name) { Assembly = type.Assembly.GetName().Name };
            var relational = context.GetService<IDbContextOptions>().Extensions
                .OfType<RelationalOptionsExtension>().FirstOrDefault();
            report.HistoryTable = relational?.MigrationsHistoryTableName ?? report.HistoryTable;
            report.HistorySchema = relational?.MigrationsHistoryTableSchema;
            Report.Contexts.Add(report);
            var reporter = new HostReporter(log);
            var needsScripts = settings.SqlCheck || settings.LockCheck || approval is not null;
            var prepared = needsScripts ? _cache.Prepare(context, type) : null;

            // While this thread compares the model with the snapshot: the cache lookup, then the SQL of the
            // migrations the cache does not hold, on a second instance of the context (EF Core contexts are not thread-safe).
            var scriptsTask = prepared is null ? null : Task.Run(() =>
            {
                var plan = prepared();
                return (Plan: plan, Generated: plan.AnyToGenerate ? GenerateScripts(contexts, type, plan) : Array.Empty<MigrationScript>());
            });
            var snapshot = log.Step("build model snapshot", () => snapshotTask.GetAwaiter().GetResult());
            var drift = log.Step($"diff {type.Name} model against snapshot", () => DriftDetector.Detect(context, reporter, snapshot));
            var snapshotLocation = drift.SnapshotTypeName is null ? null : sources.FindClass(drift.SnapshotTypeName);
            CheckDrift(drift, snapshotLocation ?? contextLocation, report);

            if (!settings.SqlCheck && !settings.LockCheck && approval is null)
            {
                return;
            }

            var (plan, generated) = scriptsTask!.GetAwaiter().GetResult();
            var (scripts, allFindings) = log.Step("apply SQL rules", () => plan.Join(generated, _linter.Lint));
            var findings = settings.SqlCheck ? allFindings : [];
            var lockPath = LockPathFor(snapshotLocation);
            report.LockFile = lockPath;
            var locked = LoadLock(lockPath)?.For(type.Name);

            // Locked mode never writes the lock: CheckCommand refuses an approval there before any check runs.
            if (approval is not null && locked is not null && !settings.LockReadOnly)
            {
                ApplyApproval(type.Name, locked, scripts, findings, approval, lockPath);
            }

            // A history that was never locked (no lock entry, findings before the latest migration) is
            // adopted in one step: one summary and one command, instead of every finding of every migration.
            var adopting = locked is not null && HistoryBaseline.IsUnlockedHistory(locked, scripts, findings);
            var placed = ReportFindings(scripts, findings, locked, report, writeDiagnostics: !adopting);
            if (adopting)
            {
                diagnostics.Write(HistoryBaseline.Summary(type.Name, scripts, findings, project, MigrationsProjectOf(snapshotLocation), snapshotLocation ?? new SourceLocation(lockPath)));
            }
            else if (settings.LockCheck && locked is not null)
            {
                VerifyLock(type.Name, locked, scripts, findings, lockPath, placed);
            }
        }
    }

    private IReadOnlyList<MigrationScript> GenerateScripts(DesignTimeContexts contexts, Type type, CachePlan plan)
    {
        using var second = contexts.Create(type);
        return log.Step($"generate SQL of {type.Name} migrations", () => MigrationScripts.Generate(second, plan.NeedsGeneration));
    }

    private void CheckDrift(ModelDrift drift, SourceLocation? location, ContextReport report)
    {
        report.Drift.AddRange(DriftDescriber.Describe(drift.Differences));
        var diagnostic = DriftReport.ToDiagnostic(drift, settings.DriftSeverity, location ?? new SourceLocation(project.ProjectFile));
        if (diagnostic is not null)
        {
            diagnostics.Write(diagnostic);
        }
        else
        {
            log.Verbose($"{drift.ContextName}: model matches the snapshot of {drift.LatestMigrationId ?? "(no migration)"}");
        }
    }

    private Dictionary<string, SourceLocation> ReportFindings(
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        LockedContext? locked,
        ContextReport report,
        bool writeDiagnostics)
    {
        var classLocations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            var classLocation = sources.FindClass(script.ClassName) ?? new SourceLocation(project.ProjectFile);
            classLocations[script.Id] = classLocation;
            var migrationReport = new MigrationReport(script.Id, classLocation.File, script.SqlHash);
            report.Migrations.Add(migrationReport);

            var map = MigrationSourceMap.Build(classLocation, sources.ReadLines(classLocation.File));
            foreach (var finding in findings.Where(f => f.MigrationId == script.Id))
            {
                var location = map.OperationAt(finding.OperationIndex, script.OperationCount);
                var approval = locked is null ? null : Approvals.Find(locked, finding);
                migrationReport.Findings.Add(new FindingReport(
                    finding.Rule.Id, finding.Rule.Name, finding.Severity.ToString().ToLowerInvariant(), finding.Hit.Action,
                    finding.Hit.Statement, finding.StatementHash, location.File, location.Line, approval is not null, approval?.Reason));
                if (approval is null && writeDiagnostics)
                {
                    diagnostics.Write(new Diagnostic(
                        finding.Rule.Id,
                        finding.Severity,
                        FindingMessage.Format(finding, FindingMessage.ApproveCommand(_projectArgument, script.Id))
                        + (locked is not null && Approvals.HasApprovalWithoutReason(locked, finding) ? "\n" + ReasonMissing : ""),
                        location.File,
                        location.Line,
                        location.Column));
                }
            }
        }

        return classLocations;
    }

    private void ApplyApproval(
        string contextName,
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        ApprovalRequest approval,
        string lockPath)
    {
        var before = locked.Migrations.Sum(m => m.Approvals.Count);
        var (problems, approved) = Approvals.Apply(locked, scripts, findings, approval);
        ApprovalMatches += approved.Count + problems.Count;
        WriteLockProblems(problems, lockPath, new Dictionary<string, SourceLocation>());

        if (approved.Count > 0)
        {
            _locks.MarkChanged(lockPath);
            var count = locked.Migrations.Sum(m => m.Approvals.Count) - before;
            Write(
                DiagnosticCodes.LockFileUpdated,
                DiagnosticSeverity.Info,
                $"{contextName}: approved {count} finding(s) of {string.Join(", ", approved)} in {lockPath} (reason: {approval.Reason}). Commit the lock file.",
                lockPath);
        }
    }

    private void VerifyLock(
        string contextName,
        LockedContext locked,
        IReadOnlyList<MigrationScript> scripts,
        IReadOnlyList<Finding> findings,
        string lockPath,
        IReadOnlyDictionary<string, SourceLocation> classLocations)
    {
        var verification = LockVerifier.Verify(
            locked,
            scripts,
            id => findings.Any(f => f.MigrationId == id && f.Severity == DiagnosticSeverity.Error && !Approvals.IsApproved(locked, f)),
            settings.LockReadOnly);
        WriteLockProblems(verification.Problems, lockPath, classLocations);

        var report = Report.Contexts.Last();
        var lockedIds = locked.Migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var migration in report.Migrations)
        {
            migration.LockStatus = verification.Appended.Contains(migration.Id) ? "locked-now" : lockedIds.Contains(migration.Id) ? "locked" : "not-locked";
        }

        if (verification.Changed)
        {
            _locks.MarkChanged(lockPath);
            Write(
                DiagnosticCodes.LockFileUpdated,
                DiagnosticSeverity.Info,
                $"{contextName}: locked {verification.Appended.Count} new migration(s) in {lockPath}: {string.Join(", ", verification.Appended)}. Commit the lock file.",
                lockPath);
        }
    }

    /// <summary>
    /// Lock problems at the migration they concern (an approval changed by hand: at the lock file, where
    /// the edit is), at most <see cref="LockProblemCap.PerCode"/> of one code, then one summary line.
    /// </summary>
    private void WriteLockProblems(IReadOnlyList<LockProblem> problems, string lockPath, IReadOnlyDictionary<string, SourceLocation> classLocations)
    {
        var (shown, summaries) = LockProblemCap.Apply(problems);
        foreach (var problem in shown.Concat(summaries))
        {
            var at = problem.MigrationId is not null && problem.Code != DiagnosticCodes.ApprovalEditedByHand && classLocations.TryGetValue(problem.MigrationId, out var location)
                ? location
                : new SourceLocation(lockPath);
            diagnostics.Write(new Diagnostic(problem.Code, DiagnosticSeverity.Error, problem.Message, at.File, at.Line, at.Column));
        }
    }

    private LockFile? LoadLock(string path)
    {
        try
        {
            return _locks.Get(path);
        }
        catch (LockFileFormatException ex)
        {
            diagnostics.Write(new Diagnostic(
                DiagnosticCodes.LockFileMalformed,
                DiagnosticSeverity.Error,
                $"The lock file cannot be read: {ex.Message} Fix it or restore it from version control; deleting it re-locks every migration on the next local build.",
                path,
                ex.Line,
                ex.Column));
            return null;
        }
    }

    /// <summary>The project that holds the migrations: a referenced project (a class library) or this one.</summary>
    private string MigrationsProjectOf(SourceLocation? snapshot)
        => snapshot is null ? project.ProjectFile : project.Referenced.Containing(snapshot.File)?.ProjectFile ?? project.ProjectFile;

    private string LockPathFor(SourceLocation? snapshot)
    {
        if (settings.LockFile is not null)
        {
            return Path.GetFullPath(Path.Combine(project.ProjectDirectory, settings.LockFile));
        }

        var directory = snapshot is null || snapshot.File == project.ProjectFile ? project.ProjectDirectory : Path.GetDirectoryName(snapshot.File)!;
        return Path.Combine(directory, CheckSettings.DefaultLockFileName);
    }

    private IReadOnlyList<Type> Select(IReadOnlyList<Type> found)
    {
        if (settings.ContextNames.Count == 0)
        {
            return found;
        }

        var selected = new List<Type>();
        foreach (var name in settings.ContextNames)
        {
            var match = found.FirstOrDefault(t => string.Equals(t.FullName, name, StringComparison.OrdinalIgnoreCase))
                        ?? found.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                Write(
                    DiagnosticCodes.InvalidSetting,
                    DiagnosticSeverity.Error,
                    $"CognovaDbContext names '{name}', but the project has no DbContext of that name (found: {string.Join(", ", found.Select(t => t.Name))}).");
            }
            else if (!selected.Contains(match))
            {
                selected.Add(match);
            }
        }

        return selected;
    }

    private void Write(string code, DiagnosticSeverity severity, string message, string? file = null)
        => diagnostics.Write(new Diagnostic(code, severity, message, file ?? project.ProjectFile));
}
