namespace Cognova.Cli;

/// <summary>The help text of the tool and of each command (docs/cli.md says the same at length).</summary>
public static class Usage
{
    private const string Common = """
        Common options:
          -p, --project <path>      The project with the DbContext's migrations (.csproj, or its folder).
                                    Default: the project in the current folder.
          -s, --startup-project <path>
                                    The application that configures the DbContext (AddDbContext), when the
                                    migrations live in a class library, as dotnet ef's --startup-project.
          -c, --context <name>      The DbContext, when the project has several.
          --no-build                Use the project as last built.
          --configuration <name>    The build configuration (default: the project's, usually Debug).
          --framework <tfm>         The target framework, for a project with several.
          -v, --verbose             Show each step and how long it takes.
          --no-color                No colours (also: the NO_COLOR variable).
          -h, --help                This help.
        """;

    private const string ExitCodes = """
        Exit codes: 0 success, 1 a migration or push statement failed, 2 usage or configuration error,
        3 migration lock timeout, 4 database unreachable, 5 data loss not confirmed (or no terminal to ask on),
        6 checks failed (unreviewed destructive SQL, edited locked migration), 7 the project did not build,
        8 the database looks like production.
        """;

    private const string Connection = """
          --connection <cs>         The database (key=value or postgres:// URL). Default: DATABASE_URL, then a single
                                    ConnectionStrings__<Name> variable, then the application's own configuration.
        """;

    public static string For(string command) => command switch
    {
        "status" => $"""
            Usage: dotnet cognova status [options]

            Shows the migrations the database applied, those pending and those it has that the code does not;
            model changes no migration captures; the lock file; and whether the database's schema differs from
            what the applied migrations create (a table or column changed by hand), listing the differences.
            What the migrations made themselves and their model does not record (a default kept from
            AddColumn, an older EF Core's ON DELETE RESTRICT, a serial sequence's first name) is no difference.

            Options:
            {Connection}
              --json                    Machine-readable output.

            {Common}

            {ExitCodes}
            """,
        "migrate" => $"""
            Usage: dotnet cognova migrate [<target>] [options]

            Applies the pending migrations (or migrates up or down to <target>, by id or name; 0 reverts all)
            under the PostgreSQL advisory lock the migration bundle uses, one transaction per migration, with
            the bundle's output and exit codes. Refuses migrations that do not match the lock file or carry
            destructive SQL nobody approved (dotnet cognova review).

            Options:
            {Connection}
              --lock-timeout <duration> Wait this long for another run's lock (default 5m; 90s, 2m, 00:01:30).
              --skip-if-locked          Exit 0 at once when another run holds the lock.
              --allow-unknown           Run although the database has migrations the code does not know.
              --json                    Machine-readable output.

            {Common}

            {ExitCodes}
            """,
        "generate" => $"""
            Usage: dotnet cognova generate <Name> [options]

            Adds a migration (the same files as dotnet ef migrations add, next to the existing migrations),
            prints its SQL and the rule findings, and locks it in migrations.lock.json when it has no
            unapproved destructive finding. Refuses a name that a migration already has.

            {Common}

            {ExitCodes}
            """,
        "review" => $"""
            Usage: dotnet cognova review [<migration>] [options]

            Shows each finding nobody approved, with its SQL in context, and asks whether to approve it and why
            (a reason is required); the approvals go into the lock file, bound to the exact SQL statement.
            Without a terminal, pass the answer as options.

            Options:
              --approve <migration>     Approve every open finding of this migration (id, name, or * for all).
              --reason "<text>"         Why the change is safe (required with --approve).

            {Common}

            {ExitCodes}
            """,
        "baseline" => $"""
            Usage: dotnet cognova baseline --reason "<text>" [options]

            Adopts an existing history: approves every finding of every migration nobody approved yet, with one
            reason, and locks every migration in migrations.lock.json beside the migrations. Commit the lock file;
            from then on the build checks only what changes. The same as review --approve '*' --reason "<text>".

            Options:
              --reason "<text>"         Why the existing history is safe (any text).
              --reason-file <path>      The reason, read from a file. Or set COGNOVA_APPROVE_REASON.

            {Common}

            {ExitCodes}
            """,
        "push" => $"""
            Usage: dotnet cognova push [options]

            Development sync, no migration files: reads the database's schema, compares it with the model,
            prints the plan as SQL and applies it in one transaction. Before anything that loses data it says
            what and how much (row counts) and asks.

            Options:
            {Connection}
              --dry-run                 Print the plan and change nothing.
              --force                   Apply without asking, data loss included.
              --allow-production        Run although the database's name or host looks like production.

            {Common}

            {ExitCodes}
            """,
        "script" => $"""
            Usage: dotnet cognova script [<from>] [<to>] [options]

            Writes an idempotent SQL script of the migrations after <from> (default: the start) up to <to>
            (default: the latest), for teams that deploy SQL files. Each migration runs only where the
            database's history says it has not. Raw SQL is made runnable by psql: a missing closing ';' is
            added, and in the idempotent script a SELECT run for its effect becomes PERFORM. No database is needed.

            Options:
              -o, --output <file>       Write the script to a file instead of standard output.
              --plain                   Without the history checks: the statements of the range as they are, for
                                        a database at <from> (run it once).

            {Common}

            {ExitCodes}
            """,
        _ => $"""
            Usage: dotnet cognova <command> [arguments] [options]

            The EF Core + PostgreSQL developer loop, on the same checks as the Cognova.Build build.

            Commands:
              push                      Sync a development database with the model, without migration files.
              generate <Name>           Add a migration; print its SQL and findings; lock it when it is safe.
              review [<migration>]      Approve destructive SQL, finding by finding, with a reason.
              baseline --reason "…"     Adopt an existing history: approve every open finding and lock every migration.
              migrate [<target>]        Apply pending migrations under an advisory lock.
              status                    Applied, pending and unknown migrations; drift; hand-made schema changes.
              script [<from>] [<to>]    Idempotent (or --plain) SQL for a range of migrations.

            Run dotnet cognova <command> --help for a command's options.

            {Common}

            {ExitCodes}
            """,
    };
}
