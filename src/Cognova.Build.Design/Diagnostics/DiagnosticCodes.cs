namespace Cognova.Build.Design.Diagnostics;

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

    /// <summary>The model differs from the latest migration's snapshot.</summary>
    public const string ModelDrift = "COG1001";

    /// <summary>A DbContext has no migration at all.</summary>
    public const string NoMigrations = "COG1002";
}
