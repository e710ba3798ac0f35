using Cognova.Build.Design.Lint;

namespace Cognova.Build.Design.Diagnostics;

/// <summary>The name and one-line description of every code, for SARIF rule metadata.</summary>
public static class DiagnosticTitles
{
    private static readonly Dictionary<string, (string Name, string Description, DiagnosticSeverity Level)> Others = new()
    {
        [DiagnosticCodes.HostFailed] = ("DesignHostFailed", "The Cognova.Build design host failed.", DiagnosticSeverity.Error),
        [DiagnosticCodes.DesignPackageMissing] = ("DesignPackageMissing", "Microsoft.EntityFrameworkCore.Design is not referenced.", DiagnosticSeverity.Error),
        [DiagnosticCodes.ContextCreationFailed] = ("DbContextCreationFailed", "A DbContext could not be created at design time.", DiagnosticSeverity.Error),
        [DiagnosticCodes.NoContextFound] = ("NoDbContext", "The project has no DbContext.", DiagnosticSeverity.Info),
        [DiagnosticCodes.InvalidSetting] = ("InvalidSetting", "A Cognova setting has a value the build cannot use.", DiagnosticSeverity.Error),
        [DiagnosticCodes.ApplicationLoadFailed] = ("ApplicationLoadFailed", "The application assembly or its runtime files could not be loaded.", DiagnosticSeverity.Error),
        [DiagnosticCodes.ModelDrift] = ("ModelDrift", "The model has changes that no migration captures.", DiagnosticSeverity.Error),
        [DiagnosticCodes.NoMigrations] = ("NoMigrations", "A DbContext has no migration.", DiagnosticSeverity.Error),
        [DiagnosticCodes.LockedMigrationEdited] = ("LockedMigrationEdited", "A migration was edited after it was locked.", DiagnosticSeverity.Error),
        [DiagnosticCodes.LockedMigrationMissing] = ("LockedMigrationMissing", "A locked migration no longer exists.", DiagnosticSeverity.Error),
        [DiagnosticCodes.LockOrderMismatch] = ("LockOrderMismatch", "The order of the migrations disagrees with the lock file.", DiagnosticSeverity.Error),
        [DiagnosticCodes.MigrationNotLocked] = ("MigrationNotLocked", "A migration is not in the lock file.", DiagnosticSeverity.Error),
        [DiagnosticCodes.LockFileMalformed] = ("LockFileMalformed", "The lock file cannot be read.", DiagnosticSeverity.Error),
        [DiagnosticCodes.InvalidApproval] = ("InvalidApproval", "An approval request is incomplete.", DiagnosticSeverity.Error),
        [DiagnosticCodes.LockFileUpdated] = ("LockFileUpdated", "The lock file was updated.", DiagnosticSeverity.Info),
        [DiagnosticCodes.BundleChecksFailed] = ("BundleChecksFailed", "The migration bundle was not written because a check failed.", DiagnosticSeverity.Error),
        [DiagnosticCodes.BundleHostMissing] = ("BundleHostMissing", "No executable host for the bundle's runtime identifier.", DiagnosticSeverity.Error),
        [DiagnosticCodes.BundleNeedsSelfContainedPublish] = ("BundleNeedsSelfContainedPublish", "A self-contained bundle needs a self-contained publish.", DiagnosticSeverity.Error),
        [DiagnosticCodes.BundleContextAmbiguous] = ("BundleContextAmbiguous", "Several DbContexts and no CognovaBundleDbContext.", DiagnosticSeverity.Error),
    };

    public static (string Name, string Description, string Help, DiagnosticSeverity Level) For(string code)
    {
        var rule = RuleCatalog.Find(code);
        if (rule is not null)
        {
            return (rule.Name, rule.Summary, $"{rule.Why} {rule.Safer}", rule.DefaultSeverity);
        }

        return Others.TryGetValue(code, out var other)
            ? (other.Name, other.Description, other.Description, other.Level)
            : (code, code, code, DiagnosticSeverity.Warning);
    }
}
