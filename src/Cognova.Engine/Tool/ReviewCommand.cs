using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations.Tooling;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova review [&lt;migration&gt;]</c>: every finding nobody approved, with its SQL in context;
/// on a terminal it asks, finding by finding, whether to approve and why (a reason is required), and
/// writes the approvals to the lock file — bound to the exact statement, as <c>CognovaApprove</c> does.
/// <c>--approve &lt;migration&gt; --reason "…"</c> approves without asking. Without a terminal and without
/// those options it lists what needs review and fails with the options to pass; it never waits for input.
/// </summary>
internal static class ReviewCommand
{
    public static int Run(CliSession session)
    {
        using var context = session.CreateContext();
        var state = MigrationLockState.Load(session, context);
        var console = session.Console;
        var problems = state.IntegrityProblems();
        // Approving a migration again replaces its approvals changed by hand (COG3009); any other problem comes first.
        var reapproving = session.Request.Approve is not null && problems.All(p => p.Code == DiagnosticCodes.ApprovalEditedByHand);
        if (problems.Count > 0 && !reapproving)
        {
            throw new CliException(
                ExitCodes.ChecksFailed,
                $"The lock file {state.LockPath} does not match the migrations; fix that first:\n" + string.Join('\n', LockProblemCap.Lines(problems)));
        }

        var filter = session.Request.Migration is { } given ? CliSession.ResolveMigration(state.Scripts.Select(s => s.Id), given) : null;
        if (session.Request.Approve is { } approve)
        {
            return ApproveAll(session, state, approve, session.Request.Reason ?? "");
        }

        var open = state.Scripts
            .Where(s => filter is null || s.Id == filter)
            .SelectMany(s => state.Placed(s).Findings.Where(f => !f.IsApproved))
            .ToList();
        if (open.Count == 0)
        {
            console.Success(filter is null ? "Nothing to review: every finding is approved." : $"Nothing to review in {filter}: every finding is approved.");
            return ExitCodes.Success;
        }

        var printer = new FindingPrinter(session);
        if (!console.IsInteractive)
        {
            console.Heading($"{open.Count} finding(s) need a review:");
            foreach (var finding in open)
            {
                printer.PrintSummary(finding);
                WarnIfReasonMissing(console, finding);
            }

            console.Error(
                "There is no terminal to ask on. Approve a migration's findings with options: "
                + "dotnet cognova review --approve <migration> --reason \"<why this is safe>\" (the migration by id or name, or * for all).");
            return ExitCodes.ConfirmationRequired;
        }

        return Ask(session, state, printer, open);
    }

    internal static int ApproveAll(CliSession session, MigrationLockState state, string migration, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw CliException.Usage("--approve needs a reason: dotnet cognova review --approve <migration> --reason \"<why this is safe>\". An approval without a reason approves nothing.");
        }

        if (migration != "*")
        {
            migration = CliSession.ResolveMigration(state.Scripts.Select(s => s.Id), migration);
        }

        var (problems, approved) = state.Approve(new ApprovalRequest(migration, reason.Trim()), state.Findings);
        if (problems.Count > 0)
        {
            throw new CliException(ExitCodes.ChecksFailed, string.Join('\n', problems.Select(p => p.Message)));
        }

        if (approved.Count == 0)
        {
            session.Console.Success(migration == "*" ? "Nothing to approve: every finding is approved." : $"Nothing to approve in {migration}: every finding is approved.");
            return ExitCodes.Success;
        }

        Finish(session, state, approved, reason.Trim());
        return ExitCodes.Success;
    }

    private static int Ask(CliSession session, MigrationLockState state, FindingPrinter printer, IReadOnlyList<FindingResult> open)
    {
        var console = session.Console;
        var approvedIds = new List<string>();
        var declined = 0;
        for (var i = 0; i < open.Count; i++)
        {
            var placed = open[i];
            var finding = placed.Finding;
            var script = Script(state, finding);
            console.Line();
            console.Heading($"[{i + 1}/{open.Count}] {script.Id}");
            printer.PrintSummary(placed);
            WarnIfReasonMissing(console, placed);
            printer.PrintDetail(script, placed, context: true);
            if (!console.Confirm("Approve this finding?"))
            {
                declined++;
                continue;
            }

            var reason = AskReason(console);
            if (reason is null)
            {
                console.Error("No reason given (end of input): this finding and the rest stay unapproved.");
                break;
            }

            // Only this finding of its migration gets the reason; the other migrations' findings are
            // passed as they are, so that an earlier unreviewed migration still stops the approval.
            var subset = state.Findings.Where(f => f.MigrationId != finding.MigrationId || ReferenceEquals(f, finding)).ToList();
            var (problems, approved) = state.Approve(new ApprovalRequest(finding.MigrationId, reason), subset);
            if (problems.Count > 0)
            {
                console.Error(string.Join('\n', problems.Select(p => p.Message)));
                declined++;
                continue;
            }

            approvedIds.AddRange(approved.Where(id => !approvedIds.Contains(id)));
        }

        console.Line();
        if (approvedIds.Count > 0)
        {
            Finish(session, state, approvedIds, reason: null);
        }

        var left = open.Count(f => !state.IsApproved(f.Finding));
        if (left > 0)
        {
            console.Warning($"{left} finding(s) left unapproved{(declined > 0 ? $" ({declined} declined)" : "")}: the build fails on the destructive ones until they are approved or the migration changes.");
        }

        return ExitCodes.Success;
    }

    private static void WarnIfReasonMissing(CliConsole console, FindingResult finding)
    {
        if (finding.ApprovedWithoutReason)
        {
            console.Warning("  The lock file approves this statement, but the approval's reason is missing (empty or blank), so it does not count: approve it again with a reason.");
        }
    }

    private static string? AskReason(CliConsole console)
    {
        while (true)
        {
            var reason = console.Ask("Why is it safe? (required)")?.Trim();
            if (reason is null || reason.Length > 0)
            {
                return reason;
            }

            console.Line("A reason is required: it is kept in the lock file for whoever reads the migration next.");
        }
    }

    /// <summary>Writes the lock: the approvals, and the migrations they made lockable, as a local build would.</summary>
    private static void Finish(CliSession session, MigrationLockState state, IReadOnlyList<string> approved, string? reason)
    {
        var appended = state.AppendNew();
        state.Save();
        var file = Path.GetRelativePath(Environment.CurrentDirectory, state.LockPath);
        session.Console.Success($"Approved the findings of {string.Join(", ", approved)}{(reason is null ? "" : $" (reason: {reason})")} in {file}.");
        if (appended.Appended.Count > 0)
        {
            session.Console.Success($"Locked {string.Join(", ", appended.Appended)}.");
        }

        session.Console.Line("Commit the lock file.");
    }

    private static Cognova.Migrations.MigrationScript Script(MigrationLockState state, Finding finding)
        => state.Scripts.First(s => s.Id == finding.MigrationId);
}
