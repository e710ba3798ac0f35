using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;

namespace Cognova.Engine.Build;

/// <summary>
/// The one place a check writes lock files: those its result says changed (migrations appended, approvals
/// recorded), after every context was checked. A file that cannot be written is an error in the result.
/// </summary>
internal static class LockFileWrites
{
    public static CheckResult Perform(CheckResult result, HostLog log)
    {
        foreach (var write in result.LockWrites)
        {
            try
            {
                LockFileStore.Write(write.Path, write.File);
                log.Verbose("wrote " + write.Path);
            }
            catch (LockFileWriteException ex)
            {
                // The files before this one were written; the rest are not tried: one error says what to fix.
                return result.WithDiagnostics([new Diagnostic(
                    DiagnosticCodes.LockFileNotWritten,
                    DiagnosticSeverity.Error,
                    $"The lock file could not be written: {ex.Message} Make its folder writable (or point CognovaLockFile at a writable path) and build again.",
                    ex.Path)]);
            }
        }

        return result;
    }
}
