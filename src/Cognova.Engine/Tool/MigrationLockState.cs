using Cognova.Engine.Build;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Engine.Tool;

/// <summary>
/// One DbContext's migrations as the build's checks see them: each migration's SQL from the provider's
/// generator, the SQL rules' findings, and the lock file beside the migrations (or <c>CognovaLockFile</c>),
/// with the same classes the build uses, so that the tool and a build never disagree.
/// </summary>
internal sealed class MigrationLockState
{
    private readonly LockFileStore _store;
    private readonly FindingPlacement _placement;

    private MigrationLockState(LockFileStore store, FindingPlacement placement, string lockPath, LockedContext locked, IReadOnlyList<MigrationScript> scripts, IReadOnlyList<Finding> findings)
    {
        _store = store;
        _placement = placement;
        LockPath = lockPath;
        Locked = locked;
        Scripts = scripts;
        Findings = findings;
    }

    public string LockPath { get; }

    /// <summary>The lock file exists (a project that never built with Cognova.Build has none yet).</summary>
    public bool LockFileExists => File.Exists(LockPath);

    public LockedContext Locked { get; }

    public IReadOnlyList<MigrationScript> Scripts { get; }

    public IReadOnlyList<Finding> Findings { get; }

    public static MigrationLockState Load(CliSession session, DbContext context)
    {
        var scripts = session.Log.Step("generate migration SQL", () => MigrationScripts.Generate(context));
        RuleSeverities severities;
        try
        {
            severities = RuleSeverities.Parse(session.Request.RuleSeverity);
        }
        catch (SettingException ex)
        {
            throw CliException.Usage(ex.Message);
        }

        var linter = new MigrationLinter(severities);
        var findings = scripts.SelectMany(linter.Lint).ToList();
        var lockPath = LockPathFor(session, context);
        var store = new LockFileStore();
        try
        {
            var file = store.Get(lockPath)!;
            return new MigrationLockState(store, new FindingPlacement(session.Sources, session.Project.ProjectFile), lockPath, file.For(session.ContextName), scripts, findings);
        }
        catch (LockFileFormatException ex)
        {
            var at = ex.Line > 0 ? $"({ex.Line},{ex.Column})" : "";
            throw new CliException(
                ExitCodes.ChecksFailed,
                $"{lockPath}{at}: error {DiagnosticCodes.LockFileMalformed}: The lock file cannot be read: {ex.Message} Fix it or restore it from version control.");
        }
    }

    public bool IsApproved(Finding finding) => Approvals.IsApproved(Locked, finding);

    /// <summary>The migration's findings, each at its place in the migration's source and with the approval that counts now, as the build reports them.</summary>
    public MigrationResult Placed(MigrationScript script) => _placement.Place(script, Findings, Locked);

    /// <summary>The lock approves the finding's statement without a reason, which counts for nothing.</summary>
    public bool HasApprovalWithoutReason(Finding finding) => Approvals.HasApprovalWithoutReason(Locked, finding);

    public IEnumerable<Finding> Unapproved(string migrationId) => Findings.Where(f => f.MigrationId == migrationId && !IsApproved(f));

    /// <summary>An unapproved finding at error severity: the build fails on it and never locks its migration.</summary>
    public bool HasUnapprovedDestructive(string migrationId) => Unapproved(migrationId).Any(f => f.Severity == DiagnosticSeverity.Error);

    public bool IsLocked(string migrationId) => Locked.Migrations.Any(m => m.Id == migrationId);

    public IReadOnlyList<LockProblem> IntegrityProblems() => LockVerifier.IntegrityProblems(Locked, Scripts);

    /// <summary>Appends new migrations that have no unapproved destructive finding, in order, as a local build does.</summary>
    public LockVerification AppendNew() => LockVerifier.Verify(Locked, Scripts, HasUnapprovedDestructive, readOnly: false);

    /// <summary>Records approvals as <c>CognovaApprove</c> does; <paramref name="findings"/> limits which open findings of the target get the reason.</summary>
    public (IReadOnlyList<LockProblem> Problems, IReadOnlyList<string> Approved) Approve(ApprovalRequest request, IReadOnlyList<Finding> findings)
        => Approvals.Apply(Locked, Scripts, findings, request);

    public void Save()
    {
        _store.MarkChanged(LockPath);
        try
        {
            _store.SaveChanged();
        }
        catch (LockFileWriteException ex)
        {
            throw new CliException(ExitCodes.Failed, $"{ex.Path}: error {DiagnosticCodes.LockFileNotWritten}: The lock file could not be written: {ex.Message}");
        }
    }

    /// <summary>The lock file of the build: <c>CognovaLockFile</c> when set, else beside the model snapshot, else in the project folder.</summary>
    private static string LockPathFor(CliSession session, DbContext context)
    {
        var configured = session.Request.LockFile;
        if (configured is not null)
        {
            return Path.GetFullPath(Path.Combine(session.Project.ProjectDirectory, configured));
        }

        var snapshot = context.GetService<IMigrationsAssembly>().ModelSnapshot;
        var location = snapshot is null ? null : session.Sources.FindClass(snapshot.GetType().Name);
        var directory = location is null ? session.Project.ProjectDirectory : Path.GetDirectoryName(location.File)!;
        return Path.Combine(directory, CheckSettings.DefaultLockFileName);
    }
}
