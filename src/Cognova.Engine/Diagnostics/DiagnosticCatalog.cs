using Cognova.Engine.Lint;
using static Cognova.Engine.Diagnostics.DiagnosticSeverity;

namespace Cognova.Engine.Diagnostics;

/// <summary>
/// Every code Cognova.Build reports, once: the set-up, drift, lock and bundle codes here, the SQL rules
/// from <see cref="RuleCatalog"/>. SARIF's rule metadata reads it; a test holds the README's tables and the
/// codes written in the MSBuild targets to it.
/// </summary>
public static class DiagnosticCatalog
{
    private const string ApproveAgain = "Approve the migration again with a reason (dotnet build -t:CognovaApprove -p:CognovaApproveMigration=<migration> -p:CognovaApproveReason=\"<why>\"), or restore the lock file.";

    private static readonly DiagnosticDescriptor[] NonRules =
    [
        new(DiagnosticCodes.HostFailed, "DesignHostFailed", Error,
            "The Cognova.Build design host failed in a way it could not describe better.",
            "Build with -p:CognovaVerbose=true to see each step and the host's own output."),
        new(DiagnosticCodes.DesignPackageMissing, "DesignPackageMissing", Error,
            "Microsoft.EntityFrameworkCore.Design is not referenced.",
            "dotnet add package Microsoft.EntityFrameworkCore.Design (keep PrivateAssets=\"all\")."),
        new(DiagnosticCodes.ContextCreationFailed, "DbContextCreationFailed", Error,
            "A DbContext could not be created at design time.",
            "Make it creatable as dotnet ef creates it: an IDesignTimeDbContextFactory<T>, the application's services, or a parameterless constructor."),
        new(DiagnosticCodes.NoContextFound, "NoDbContext", Info,
            "The project has no DbContext: there is no model to check.",
            "Nothing to do; reference Cognova.Build from the project that declares or configures the DbContext."),
        new(DiagnosticCodes.InvalidSetting, "InvalidSetting", Error,
            "A Cognova setting has a value the build cannot use.",
            "Correct the MSBuild property the message names (the README lists every property and its values)."),
        new(DiagnosticCodes.ApplicationLoadFailed, "ApplicationLoadFailed", Error,
            "The application assembly or its runtime files could not be loaded.",
            "For a class library, add <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>, or turn the checks off with <CognovaEnabled>false</CognovaEnabled>."),
        new(DiagnosticCodes.ContextNeedsStartupProject, "DbContextCheckedByStartupProject", Info,
            "A class library's DbContext is configured by the application that uses it.",
            "Reference Cognova.Build from the startup project that calls AddDbContext<T>, or add an IDesignTimeDbContextFactory<T> to the library."),
        new(DiagnosticCodes.ModelDrift, "ModelDrift", Error,
            "The model has changes that no migration captures.",
            "Add a migration: dotnet ef migrations add <Name> --no-build."),
        new(DiagnosticCodes.NoMigrations, "NoMigrations", Error,
            "A DbContext has no migration.",
            "Create the first migration: dotnet ef migrations add InitialCreate."),
        new(DiagnosticCodes.ScriptStatementReturnsRows, "ScriptStatementReturnsRows", Warning,
            "A raw SQL statement returns rows inside the idempotent script's DO block.",
            "Make the statement return nothing, or write the script with --plain."),
        new(DiagnosticCodes.LockedMigrationEdited, "LockedMigrationEdited", Error,
            "A migration was edited after it was locked.",
            "Restore the migration and put the change in a new migration."),
        new(DiagnosticCodes.LockedMigrationMissing, "LockedMigrationMissing", Error,
            "A locked migration no longer exists.",
            "Restore the migration; a migration that may have run is never deleted."),
        new(DiagnosticCodes.LockOrderMismatch, "LockOrderMismatch", Error,
            "The order of the migrations disagrees with the lock file.",
            "Remove the newer branch's migration and add it again so that it comes last."),
        new(DiagnosticCodes.MigrationNotLocked, "MigrationNotLocked", Error,
            "A migration is not in the lock file and this build may not write it.",
            "Build on a developer machine and commit the lock file."),
        new(DiagnosticCodes.LockFileMalformed, "LockFileMalformed", Error,
            "The lock file cannot be read, or its chain was changed by hand.",
            "Restore the lock file from version control; the message gives the line and column."),
        new(DiagnosticCodes.InvalidApproval, "InvalidApproval", Error,
            "An approval request is incomplete: no reason, or no such migration.",
            "dotnet build -t:CognovaApprove -p:CognovaApproveMigration=<migration> -p:CognovaApproveReason=\"<why this is safe>\"."),
        new(DiagnosticCodes.LockFileUpdated, "LockFileUpdated", Info,
            "The lock file was written: migrations locked or findings approved.",
            "Commit the lock file."),
        new(DiagnosticCodes.ApprovalInLockedMode, "ApprovalInLockedMode", Error,
            "An approval was asked for in locked mode, which never writes the lock file.",
            "Approve on a developer machine and commit the lock file."),
        new(DiagnosticCodes.ApprovalEditedByHand, "ApprovalEditedByHand", Error,
            "A migration's approvals no longer match its chain hash: they were changed by hand.",
            ApproveAgain),
        new(DiagnosticCodes.LockFileNotWritten, "LockFileNotWritten", Error,
            "A changed lock file could not be written.",
            "Make its folder writable, or point CognovaLockFile at a writable path, and build again."),
        new(DiagnosticCodes.HistoryNeedsBaseline, "HistoryNeedsBaseline", Error,
            "An existing history has destructive findings and no lock file yet.",
            "Adopt it as reviewed: dotnet cognova baseline --reason \"<why this history is safe>\", then commit the lock file."),
        new(DiagnosticCodes.BundleChecksFailed, "BundleChecksFailed", Error,
            "The migration bundle was not written because a check failed.",
            "Fix or approve what the checks above report, build, commit the lock file and publish again."),
        new(DiagnosticCodes.BundleHostMissing, "BundleHostMissing", Error,
            "No executable host for the bundle's runtime identifier.",
            "Publish for that runtime (dotnet publish -r <rid>), keep UseAppHost on, or turn the bundle off with -p:CognovaBundle=false."),
        new(DiagnosticCodes.BundleNeedsSelfContainedPublish, "BundleNeedsSelfContainedPublish", Error,
            "A self-contained bundle needs a self-contained publish.",
            "dotnet publish -r <rid> --self-contained, or set CognovaBundleSelfContained=false."),
        new(DiagnosticCodes.BundleContextAmbiguous, "BundleContextAmbiguous", Error,
            "Several DbContexts and no CognovaBundleDbContext.",
            "Say which DbContext the bundle migrates: <CognovaBundleDbContext>Name</CognovaBundleDbContext>."),
        new(DiagnosticCodes.BundleNoContext, "BundleNoDbContext", Error,
            "The published application has no DbContext with migrations.",
            "Publish the application that uses the DbContext, or turn the bundle off with <CognovaBundle>false</CognovaBundle>."),
        new(DiagnosticCodes.BundleFromLibrary, "BundleFromLibrary", Warning,
            "A class library was published: the bundle comes from the startup project's publish.",
            "Publish the application that references the library; <CognovaBundle>false</CognovaBundle> in the library silences this."),
        new(DiagnosticCodes.TypeScriptStale, "TypeScriptTypesStale", Error,
            "The committed TypeScript types differ from the model.",
            "Build locally (or run dotnet cognova types) and commit the TypeScript file."),
        new(DiagnosticCodes.TypeScriptNumberPrecision, "TypeScriptNumberPrecision", Warning,
            "A JSON number may have more digits than a JavaScript number holds exactly.",
            "Write it as a string ([JsonNumberHandling(JsonNumberHandling.WriteAsString | JsonNumberHandling.AllowReadingFromString)]), lower the column's precision to 15, or add the code to NoWarn."),
        new(DiagnosticCodes.TypeScriptTypeUnknown, "TypeScriptTypeUnknown", Warning,
            "A member's TypeScript type is unknown.",
            "Give it a type: <CognovaTypeScriptOverrides>Entity.Member=<TypeScript type></CognovaTypeScriptOverrides>."),
        new(DiagnosticCodes.TypeScriptNameClash, "TypeScriptNameClash", Error,
            "Two entity types would get the same TypeScript name.",
            "Leave one out: <CognovaTypeScriptExclude>Full.Name.Of.One</CognovaTypeScriptExclude>."),
        new(DiagnosticCodes.TypeScriptOverrideUnused, "TypeScriptOverrideUnused", Warning,
            "CognovaTypeScriptOverrides names a member or CLR type the types do not have.",
            "Correct the name (Entity.Member, or a CLR type's full name) or remove the override."),
        new(DiagnosticCodes.TypeScriptNotWritten, "TypeScriptNotWritten", Error,
            "The TypeScript file could not be written.",
            "Make the folder of CognovaTypeScriptOutput writable, or point the property at a writable path."),
    ];

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        .. NonRules,
        .. RuleCatalog.All.Select(rule => new DiagnosticDescriptor(rule.Id, rule.Name, rule.DefaultSeverity, rule.Summary, $"{rule.Why} {rule.Safer}")),
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    public static DiagnosticDescriptor? Find(string id) => ById.GetValueOrDefault(id);
}
