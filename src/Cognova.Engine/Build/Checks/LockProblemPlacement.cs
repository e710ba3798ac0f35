using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;

namespace Cognova.Engine.Build.Checks;

/// <summary>
/// Lock problems as diagnostics at the migration they concern (an approval changed by hand: at the lock file,
/// where the edit is), at most <see cref="LockProblemCap.PerCode"/> of one code, then one summary line.
/// </summary>
internal static class LockProblemPlacement
{
    public static IEnumerable<Diagnostic> Place(IReadOnlyList<LockProblem> problems, string lockPath, Func<string, SourceLocation?> migrationLocation)
    {
        var (shown, summaries) = LockProblemCap.Apply(problems);
        foreach (var problem in shown.Concat(summaries))
        {
            var at = problem.MigrationId is not null && problem.Code != DiagnosticCodes.ApprovalEditedByHand && migrationLocation(problem.MigrationId) is { } location
                ? location
                : new SourceLocation(lockPath);
            yield return new Diagnostic(problem.Code, DiagnosticSeverity.Error, problem.Message, at.File, at.Line, at.Column);
        }
    }
}
