using Cognova.Engine.Build;
using Cognova.Migrations.Tooling;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova baseline --reason "…"</c>: adopts an existing history in one step. Every open finding
/// of every migration is approved with the one reason (bound to its statement, listed in the lock file
/// like any approval) and every migration is locked; the same as <c>review --approve '*'</c>.
/// </summary>
internal static class BaselineCommand
{
    public static int Run(CliSession session)
    {
        string? reason;
        try
        {
            reason = ApprovalReason.Read(session.Request);
        }
        catch (ApprovalReasonException ex)
        {
            throw CliException.Usage(ex.Message);
        }

        if (string.IsNullOrEmpty(reason))
        {
            throw CliException.Usage($"A baseline needs a reason: dotnet cognova baseline --reason \"<why this history is safe>\" (or --reason-file <path>, or {HistoryBaseline.ReasonVariable}).");
        }

        using var context = session.CreateContext();
        var state = MigrationLockState.Load(session, context);
        var problems = state.IntegrityProblems();
        if (problems.Count > 0)
        {
            throw new CliException(
                ExitCodes.ChecksFailed,
                $"The lock file {state.LockPath} does not match the migrations; fix that first:\n" + string.Join('\n', problems.Select(p => $"  {p.Code}: {p.Message}")));
        }

        var open = state.Scripts.SelectMany(s => state.Unapproved(s.Id)).ToList();
        if (open.Count == 0)
        {
            var appended = state.AppendNew();
            if (appended.Changed)
            {
                state.Save();
                session.Console.Success($"No findings to approve; locked {appended.Appended.Count} migration(s) in {Path.GetRelativePath(Environment.CurrentDirectory, state.LockPath)}. Commit the lock file.");
            }
            else
            {
                session.Console.Success("Nothing to baseline: every finding is approved and every migration is locked.");
            }

            return ExitCodes.Success;
        }

        session.Console.Line($"Baselining {open.Count} finding(s) in {open.Select(f => f.MigrationId).Distinct().Count()} migration(s) of {session.ContextName}.");
        return ReviewCommand.ApproveAll(session, state, "*", reason);
    }
}
