using Cognova.Engine.Lock;
using Cognova.Migrations;
using Cognova.Migrations.Tooling;
using Cognova.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova migrate [&lt;target&gt;]</c>: applies the pending migrations with the migration bundle's own
/// runner (its source is linked into this host): the same PostgreSQL advisory lock, the same output
/// and the same exit codes. Before touching the database it checks, as a bundle does when it is
/// built, that the migrations match the lock file and that none to apply carries an unapproved
/// destructive finding.
/// </summary>
internal static class MigrateCommand
{
    public static int Run(CliSession session)
    {
        using var context = session.CreateContext();
        session.Database.Use(context);
        var ids = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        var target = session.Request.Target is { } given ? CliSession.ResolveMigration(ids, given) : null;

        var lockState = MigrationLockState.Load(session, context);
        CheckLock(session, lockState, ids);

        var arguments = BundleArgumentsFor(session.Request, target);
        var output = new BundleOutput(arguments, session.Console.Output, Console.Error);
        if (!session.Request.AllowUnknown && !arguments.Json && UnknownMigrations(context) is { Count: > 0 } unknown)
        {
            output.Error($"The database has {unknown.Count} migration(s) that this code does not know ({string.Join(", ", unknown)}): it was migrated by a newer version. "
                         + "Pull the latest code, or run with --allow-unknown.");
            return ExitCodes.UsageError;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return new BundleRunner(context, arguments, output).RunAsync(cancellation.Token).GetAwaiter().GetResult();
    }

    /// <summary>
    /// What a bundle could not be built with, the tool does not apply: a migration edited after it was
    /// locked, a lock out of order, or a migration with an unapproved destructive finding (also one whose
    /// approvals were removed from the lock after it was locked).
    /// A project without a lock file yet has nothing to hold the migrations to.
    /// </summary>
    private static void CheckLock(CliSession session, MigrationLockState lockState, IReadOnlyList<string> ids)
    {
        if (!lockState.LockFileExists)
        {
            session.Console.Verbose($"no lock file at {lockState.LockPath}: the migrations are not checked against it");
            return;
        }

        // As the build: an unapproved destructive finding anywhere in the history fails it, locked or not.
        var unreviewed = ids.Where(lockState.HasUnapprovedDestructive).ToList();
        var problems = lockState.IntegrityProblems();
        if (problems.Count > 0)
        {
            throw new CliException(
                ExitCodes.ChecksFailed,
                $"The migrations do not match the lock file {lockState.LockPath}, so nothing was applied:\n"
                + string.Join('\n', LockProblemCap.Lines(problems))
                + (unreviewed.Count > 0 ? "\n" + Unreviewed(lockState, unreviewed) : ""));
        }

        if (unreviewed.Count > 0)
        {
            throw new CliException(ExitCodes.ChecksFailed, Unreviewed(lockState, unreviewed));
        }
    }

    private static string Unreviewed(MigrationLockState lockState, IReadOnlyList<string> unreviewed)
    {
        var reasonMissing = unreviewed.Any(id => lockState.Unapproved(id).Any(lockState.HasApprovalWithoutReason))
            ? " The lock file approves some of it, but the approval's reason is missing (empty or blank), which approves nothing."
            : "";
        return $"Migration {string.Join(", ", unreviewed)} has destructive SQL that nobody approved, so nothing was applied.{reasonMissing} "
               + "Read it and approve it with a reason (or fix the migration): dotnet cognova review";
    }

    private static BundleArguments BundleArgumentsFor(EngineRequest request, string? target)
    {
        try
        {
            return new BundleArguments
            {
                TargetMigration = target,
                LockTimeout = request.LockTimeout is { } timeout ? BundleArguments.ParseDuration(timeout) : BundleArguments.DefaultLockTimeout,
                SkipIfLocked = request.SkipIfLocked,
                AllowUnknown = request.AllowUnknown,
                Json = request.Json,
                NoColor = request.NoColor,
                Verbose = request.Verbose,
            };
        }
        catch (BundleUsageException ex)
        {
            throw CliException.Usage(ex.Message);
        }
    }

    private static IReadOnlyList<string> UnknownMigrations(DbContext context)
    {
        try
        {
            return MigrationStatusReader.ReadAsync(context).GetAwaiter().GetResult().Unknown;
        }
        catch (Exception ex) when (Cognova.Migrations.DatabaseErrors.IsConnectionProblem(ex))
        {
            // The runner reports it, with the bundle's message and exit code.
            return [];
        }
    }
}
