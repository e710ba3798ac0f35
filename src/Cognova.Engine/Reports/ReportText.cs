using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Reports;

/// <summary>The words the JSON report and the step summary both use for a severity and a lock status.</summary>
internal static class ReportText
{
    public static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();

    /// <summary><c>locked</c>, <c>locked-now</c>, <c>not-locked</c>, or <c>unchecked</c> when the lock was not checked.</summary>
    public static string LockStatus(MigrationLockStatus status) => status switch
    {
        MigrationLockStatus.Locked => "locked",
        MigrationLockStatus.LockedNow => "locked-now",
        MigrationLockStatus.NotLocked => "not-locked",
        _ => "unchecked",
    };
}
