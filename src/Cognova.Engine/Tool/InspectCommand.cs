using Cognova.Migrations.Tooling;
namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova generate</c>, second half (once the new migration is compiled): prints its SQL and
/// the rule findings, and locks it — with every earlier new migration, as a local build does — when it
/// has no unapproved destructive finding. The SQL, rules and lock are the build's own.
/// </summary>
internal static class InspectCommand
{
    public static int Run(CliSession session)
    {
        using var context = session.CreateContext();
        var state = MigrationLockState.Load(session, context);
        var ids = state.Scripts.Select(s => s.Id).ToList();
        var id = CliSession.ResolveMigration(ids, session.Request.Migration ?? throw new UsageException("missing --migration"));
        var script = state.Scripts.Single(s => s.Id == id);
        var console = session.Console;
        var printer = new FindingPrinter(session);

        console.Line();
        printer.PrintSql(script);
        var findings = state.Placed(script).Findings;
        console.Line();
        if (findings.Count == 0)
        {
            console.Success("No findings: nothing in it loses data or locks a table for long.");
        }
        else
        {
            console.Heading($"Findings ({findings.Count}):");
            foreach (var finding in findings)
            {
                printer.PrintSummary(finding);
                printer.PrintDetail(script, finding, context: false);
            }
        }

        var problems = state.IntegrityProblems();
        if (problems.Count > 0)
        {
            console.Line();
            console.Danger($"The lock file {state.LockPath} does not match the migrations, so nothing was locked:");
            foreach (var problem in problems)
            {
                console.Danger($"  {problem.Code}: {problem.Message}");
            }

            return ExitCodes.ChecksFailed;
        }

        var verification = state.AppendNew();
        if (verification.Changed)
        {
            state.Save();
        }

        console.Line();
        var lockFile = Path.GetRelativePath(Environment.CurrentDirectory, state.LockPath);
        if (state.IsLocked(id))
        {
            console.Success($"Locked {string.Join(", ", verification.Appended.DefaultIfEmpty(id))} in {lockFile}. Commit it with the migration.");
        }
        else if (state.HasUnapprovedDestructive(id))
        {
            var open = state.Unapproved(id).Count(f => f.Severity == Diagnostics.DiagnosticSeverity.Error);
            console.Warning($"Not locked: {id} has {open} destructive finding(s) nobody approved, and the build fails on them.");
            console.Line($"Read them and approve them with a reason: dotnet cognova review {script.Name}");
            console.Line($"  (without a terminal: dotnet cognova review --approve {script.Name} --reason \"<why this is safe>\")");
        }
        else
        {
            var blocker = state.Scripts.First(s => !state.IsLocked(s.Id));
            console.Warning($"Not locked: the earlier migration {blocker.Id} is not locked yet. Review it first: dotnet cognova review {blocker.Name}");
        }

        return ExitCodes.Success;
    }
}
