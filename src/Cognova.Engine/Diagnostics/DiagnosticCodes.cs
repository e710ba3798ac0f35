namespace Cognova.Engine.Diagnostics;

/// <summary>Every diagnostic code the design host emits. The README lists each with an example.</summary>
public static class DiagnosticCodes
{
    /// <summary>The design host failed in a way it could not describe better (its stderr follows).</summary>
    public const string HostFailed = "COG0001";

    /// <summary>Microsoft.EntityFrameworkCore.Design is not in the application's dependency graph.</summary>
    public const string DesignPackageMissing = "COG0002";

    /// <summary>A DbContext could not be created at design time.</summary>
    public const string ContextCreationFailed = "COG0003";

    /// <summary>The project has no DbContext: nothing to check (a message, not an error).</summary>
    public const string NoContextFound = "COG0004";

    /// <summary>A setting has a value the build cannot use.</summary>
    public const string InvalidSetting = "COG0005";

    /// <summary>The application assembly or its runtime files could not be loaded.</summary>
    public const string ApplicationLoadFailed = "COG0006";

    /// <summary>A class library's DbContext is configured by the application that uses it: its checks run in that application's build (a message).</summary>
    public const string ContextNeedsStartupProject = "COG0020";

    /// <summary>The model differs from the latest migration's snapshot.</summary>
    public const string ModelDrift = "COG1001";

    /// <summary>A DbContext has no migration at all.</summary>
    public const string NoMigrations = "COG1002";

    // COG2xxx: SQL rules, see Lint/RuleCatalog.cs.

    /// <summary>dotnet cognova script: a raw SQL statement returns rows inside the idempotent script's DO block, and PERFORM cannot stand in for it.</summary>
    public const string ScriptStatementReturnsRows = "COG2501";

    /// <summary>A locked migration's SQL changed: it was edited after it was locked.</summary>
    public const string LockedMigrationEdited = "COG3001";

    /// <summary>A locked migration no longer exists.</summary>
    public const string LockedMigrationMissing = "COG3002";

    /// <summary>The lock's order disagrees with the migrations' order (two branches merged).</summary>
    public const string LockOrderMismatch = "COG3003";

    /// <summary>A migration is not in the lock file and the build may not write it (CI or locked mode).</summary>
    public const string MigrationNotLocked = "COG3004";

    /// <summary>The lock file cannot be read, or its chain was changed by hand.</summary>
    public const string LockFileMalformed = "COG3005";

    /// <summary>An approval request is incomplete: no reason, or no such migration.</summary>
    public const string InvalidApproval = "COG3006";

    /// <summary>The lock file was written: migrations locked or findings approved (a message).</summary>
    public const string LockFileUpdated = "COG3007";

    /// <summary>An approval was asked for in locked mode (CI or CognovaLockedMode), which never writes the lock file.</summary>
    public const string ApprovalInLockedMode = "COG3008";

    /// <summary>A migration's approvals no longer match its chain hash: they were added, removed or edited by hand.</summary>
    public const string ApprovalEditedByHand = "COG3009";

    /// <summary>A changed lock file could not be written.</summary>
    public const string LockFileNotWritten = "COG3010";

    /// <summary>An existing history without a lock file: one summary of its findings and the one command that baselines it.</summary>
    public const string HistoryNeedsBaseline = "COG3020";

    /// <summary>The migration bundle was not written because a check failed.</summary>
    public const string BundleChecksFailed = "COG4001";

    /// <summary>The bundle's executable host could not be made for the runtime identifier (the build reports it).</summary>
    public const string BundleHostMissing = "COG4002";

    /// <summary>A self-contained bundle needs a self-contained publish (the build reports it).</summary>
    public const string BundleNeedsSelfContainedPublish = "COG4003";

    /// <summary>Several DbContexts and no CognovaBundleDbContext to say which one the bundle migrates.</summary>
    public const string BundleContextAmbiguous = "COG4004";

    /// <summary>The published application has no DbContext, in its own assembly or in a referenced project: there is nothing to bundle.</summary>
    public const string BundleNoContext = "COG4005";

    /// <summary>A class library was published: the bundle comes from the startup project's publish (the build reports it).</summary>
    public const string BundleFromLibrary = "COG4010";

    /// <summary>The committed TypeScript types differ from the model (locked mode compares instead of writing).</summary>
    public const string TypeScriptStale = "COG6001";

    /// <summary>A member is a JSON number that may have more digits than a JavaScript number holds.</summary>
    public const string TypeScriptNumberPrecision = "COG6002";

    /// <summary>A member's TypeScript type is unknown: no row of the mapping table, or a converter of the application's own.</summary>
    public const string TypeScriptTypeUnknown = "COG6003";

    /// <summary>Two entity types would get the same TypeScript name.</summary>
    public const string TypeScriptNameClash = "COG6004";

    /// <summary>CognovaTypeScriptOverrides names a member or CLR type the types do not have.</summary>
    public const string TypeScriptOverrideUnused = "COG6005";

    /// <summary>The TypeScript file could not be written.</summary>
    public const string TypeScriptNotWritten = "COG6006";
}
