using Cognova.Engine.Diagnostics;

namespace Cognova.Engine.Types;

/// <summary>
/// The TypeScript file on disk. Locally it is written when its content changes (atomically; a file that differs
/// only in line ends is left alone). In locked mode (CI) it is compared, and a stale or missing file is COG6001
/// listing the members that differ.
/// </summary>
internal static class TypesFile
{
    /// <summary>How many differing members the message lists before "and N more".</summary>
    private const int ListedDifferences = 25;

    /// <returns>True when the file on disk is (now) the generated one.</returns>
    public static bool Apply(string path, string generated, bool compareOnly, DiagnosticList diagnostics, HostLog log)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        if (existing is not null && TypesFileComparer.AreSame(existing, generated))
        {
            log.Verbose("TypeScript types up to date: " + path);
            return true;
        }

        if (compareOnly)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TypeScriptStale, DiagnosticSeverity.Error, StaleMessage(path, existing, generated), path, existing is null ? 0 : 1, existing is null ? 0 : 1));
            return false;
        }

        try
        {
            AtomicFile.WriteAllText(path, generated);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.TypeScriptNotWritten,
                DiagnosticSeverity.Error,
                $"The TypeScript types could not be written to {path}: {ex.Message} Make its folder writable, or point CognovaTypeScriptOutput at a writable path.",
                path));
            return false;
        }

        log.Verbose("wrote " + path);
        return true;
    }

    public static string StaleMessage(string path, string? existing, string generated)
    {
        const string fix = "Build locally (or run dotnet cognova types) and commit the file.";
        if (existing is null)
        {
            return $"The TypeScript types {Path.GetFileName(path)} are missing; this build compares them with the model and does not write them (ContinuousIntegrationBuild or CognovaLockedMode). {fix}";
        }

        var differences = TypesFileComparer.Differences(existing, generated);
        var listed = string.Join("\n", differences.Take(ListedDifferences).Select(d => "  " + d));
        var more = differences.Count > ListedDifferences ? $"\n  and {differences.Count - ListedDifferences} more" : "";
        return $"The TypeScript types {Path.GetFileName(path)} are stale: {differences.Count} member(s) differ from the model. {fix}\n{listed}{more}";
    }
}
