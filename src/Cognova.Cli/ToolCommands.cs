using System.CommandLine;
using Cognova.Protocol;

namespace Cognova.Cli;

/// <summary>
/// The tool's commands, their arguments and their own options (docs/cli.md says the same at length), and
/// how a parsed command becomes the design host's request.
/// </summary>
internal sealed class ToolCommands
{
    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "The database (key=value or postgres:// URL). Default: DATABASE_URL, then a single ConnectionStrings__<Name> variable, then the application's own configuration.",
        HelpName = "cs",
    };

    private readonly Option<bool> _json = new("--json") { Description = "Machine-readable output." };

    private readonly Option<string?> _lockTimeout = new("--lock-timeout")
    {
        Description = "Wait this long for another run's lock (default 5m; 90s, 2m, 00:01:30).",
        HelpName = "duration",
    };

    private readonly Option<bool> _skipIfLocked = new("--skip-if-locked") { Description = "Exit 0 at once when another run holds the lock." };
    private readonly Option<bool> _allowUnknown = new("--allow-unknown") { Description = "Run although the database has migrations the code does not know." };

    private readonly Option<string?> _approve = new("--approve")
    {
        Description = "Approve every open finding of this migration (id, name, or * for all).",
        HelpName = "migration",
    };

    private readonly Option<string?> _reviewReason = new("--reason") { Description = "Why the change is safe (required with --approve).", HelpName = "text" };
    private readonly Option<string?> _baselineReason = new("--reason") { Description = "Why the existing history is safe (any text).", HelpName = "text" };
    private readonly Option<string?> _reasonFile = new("--reason-file") { Description = "The reason, read from a file. Or set COGNOVA_APPROVE_REASON.", HelpName = "path" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the plan and change nothing." };
    private readonly Option<bool> _force = new("--force") { Description = "Apply without asking, data loss included." };
    private readonly Option<bool> _allowProduction = new("--allow-production") { Description = "Run although the database's name or host looks like production." };
    private readonly Option<int?> _port = new("--port") { Description = "Listen on this port (on 127.0.0.1 and ::1 only). Default: a free one.", HelpName = "number" };
    private readonly Option<bool> _write = new("--write") { Description = "Allow edits and writing SQL. Without it the database connections are read-only." };
    private readonly Option<bool> _noOpen = new("--no-open") { Description = "Print the address; do not open a browser." };
    private readonly Option<bool> _studioAllowProduction = new("--allow-production") { Description = "Allow --write although the database's name or host looks like production." };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write the script to a file instead of standard output.", HelpName = "file" };
    private readonly Option<string?> _modelOutput = new("--output", "-o") { Description = "Write the JSON to a file instead of standard output.", HelpName = "file" };

    private readonly Option<bool> _typesCheck = new("--check") { Description = "Compare the file with the model and write nothing; a stale file is COG6001 (exit code 6)." };
    private readonly Option<string?> _typesOutput = new("--output", "-o") { Description = "The TypeScript file (default: the project's CognovaTypeScriptOutput).", HelpName = "file" };

    private readonly Option<bool> _plain = new("--plain")
    {
        Description = "Without the history checks: the statements of the range as they are, for a database at <from> (run it once).",
    };

    private readonly Argument<string?> _target = Optional("target", "The migration to migrate up or down to, by id or name; 0 reverts all. Default: the latest.");
    private readonly Argument<string?> _name = Optional("name", "The new migration's name, e.g. AddTagColor.");
    private readonly Argument<string?> _migration = Optional("migration", "Only this migration's findings (id or name).");
    private readonly Argument<string?> _from = Optional("from", "The last migration the database already has (id or name; default: none, 0 says the same).");
    private readonly Argument<string?> _to = Optional("to", "The last migration to include (default: the latest).");

    public ToolCommands()
    {
        All =
        [
            Define("status", "Applied, pending and unknown migrations; drift; hand-made schema changes.", """
                Shows the migrations the database applied, those pending and those it has that the code does not;
                model changes no migration captures; the lock file; and whether the database's schema differs from
                what the applied migrations create (a table or column changed by hand), listing the differences.
                What the migrations made themselves and their model does not record (a default kept from
                AddColumn, an older EF Core's ON DELETE RESTRICT, a serial sequence's first name) is no difference.
                """,
                _connection, _json),
            Define("migrate", "Apply pending migrations under an advisory lock.", """
                Applies the pending migrations (or migrates up or down to <target>, by id or name; 0 reverts all)
                under the PostgreSQL advisory lock the migration bundle uses, one transaction per migration, with
                the bundle's output and exit codes. Refuses migrations that do not match the lock file or carry
                destructive SQL nobody approved (dotnet cognova review).
                """,
                _target, _connection, _lockTimeout, _skipIfLocked, _allowUnknown, _json),
            Define("generate", "Add a migration; print its SQL and findings; lock it when it is safe.", """
                Adds a migration (the same files as dotnet ef migrations add, next to the existing migrations),
                prints its SQL and the rule findings, and locks it in migrations.lock.json when it has no
                unapproved destructive finding. Refuses a name that a migration already has.
                """,
                _name),
            Define("review", "Approve destructive SQL, finding by finding, with a reason.", """
                Shows each finding nobody approved, with its SQL in context, and asks whether to approve it and why
                (a reason is required); the approvals go into the lock file, bound to the exact SQL statement.
                Without a terminal, pass the answer as options.
                """,
                _migration, _approve, _reviewReason),
            Define("baseline", "Adopt an existing history: approve every open finding and lock every migration.", """
                Adopts an existing history: approves every finding of every migration nobody approved yet, with one
                reason, and locks every migration in migrations.lock.json beside the migrations. Commit the lock file;
                from then on the build checks only what changes. The same as review --approve '*' --reason "<text>".
                """,
                _baselineReason, _reasonFile),
            Define("push", "Sync a development database with the model, without migration files.", """
                Development sync, no migration files: reads the database's schema, compares it with the model,
                prints the plan as SQL and applies it in one transaction. Before anything that loses data it says
                what and how much (row counts) and asks.
                """,
                _connection, _dryRun, _force, _allowProduction),
            Define("script", "Idempotent (or --plain) SQL for a range of migrations.", """
                Writes an idempotent SQL script of the migrations after <from> (default: the start) up to <to>
                (default: the latest), for teams that deploy SQL files. Each migration runs only where the
                database's history says it has not. Raw SQL is made runnable by psql: a missing closing ';' is
                added, and in the idempotent script a SELECT run for its effect becomes PERFORM. No database is needed.
                """,
                _from, _to, _output, _plain),
            Define("model", "Write the model description (JSON) of the project's DbContexts.", """
                Writes the model description (docs/model-description.md): every DbContext of the project, or the
                one --context names, with its entities, tables, columns (CLR and store types, nullability, defaults,
                value generation), keys, indexes, foreign keys, navigations and enums, as versioned JSON
                (cognova.model/1) for tools that generate code or draw the schema. No database is needed.
                """,
                _modelOutput),
            Define("types", "Write (or --check) the TypeScript types of the model's JSON.", """
                Writes the TypeScript types of the JSON the application sends and accepts for each entity (select,
                insert and update shapes, relations, enums), from the EF Core model and the application's
                System.Text.Json settings, to CognovaTypeScriptOutput (or --output), as the build does. The file
                is written only when its content changes. With --check it is compared instead, as a CI build does.
                """,
                _typesOutput, _typesCheck),
            Define("studio", "Browse and edit the database in the browser, through the model.", """
                Serves a web studio on 127.0.0.1 and ::1 (a free port unless --port) and opens the browser with the
                printed address; the address carries a one-time token, and no one else can reach the studio. Tables
                of every schema, C# names beside SQL names, sort, filter, exact values, the SQL console, export.
                Read-only unless --write: PostgreSQL itself refuses writes on the studio's connections. --write on a
                database that looks like production needs --allow-production. Ctrl+C stops it.
                """,
                _connection, _port, _write, _noOpen, _studioAllowProduction),
        ];
    }

    public IReadOnlyList<Command> All { get; }

    /// <summary>What a command does, at length: its own help ends with it (the list of commands shows the one-line description).</summary>
    public static string? Details(Command command) => command is ToolCommand own ? own.Details : null;

    /// <summary>The host's request for the parsed command: its arguments and its own options.</summary>
    public EngineRequest Read(ParseResult result, Command command) => new()
    {
        // The host's command for "model" says what it does there: it describes the model.
        Command = command.Name == "model" ? "describe" : command.Name,
        Target = result.GetValue(_target),
        Name = result.GetValue(_name),
        Migration = result.GetValue(_migration),
        From = result.GetValue(_from),
        To = result.GetValue(_to),
        Connection = result.GetValue(_connection),
        Json = result.GetValue(_json),
        LockTimeout = result.GetValue(_lockTimeout),
        SkipIfLocked = result.GetValue(_skipIfLocked),
        AllowUnknown = result.GetValue(_allowUnknown),
        Approve = result.GetValue(_approve),
        Reason = command.Name == "baseline" ? result.GetValue(_baselineReason) : result.GetValue(_reviewReason),
        ReasonFile = result.GetValue(_reasonFile),
        DryRun = result.GetValue(_dryRun),
        Force = result.GetValue(_force),
        AllowProduction = command.Name == "studio" ? result.GetValue(_studioAllowProduction) : result.GetValue(_allowProduction),
        Write = result.GetValue(_write),
        Output = command.Name switch
        {
            "model" => result.GetValue(_modelOutput),
            "types" => null,
            _ => result.GetValue(_output),
        },
        TypeScriptOutput = command.Name == "types" ? result.GetValue(_typesOutput) : null,
        TypeScriptCheck = command.Name == "types" && result.GetValue(_typesCheck),
        Plain = result.GetValue(_plain),
    };

    /// <summary>The studio's options that stay in the tool (the server runs here, not in the design host).</summary>
    public StudioSettings ReadStudio(ParseResult result) => new(result.GetValue(_port), result.GetValue(_noOpen));

    private static ToolCommand Define(string name, string summary, string details, params Symbol[] symbols)
    {
        var command = new ToolCommand(name, summary, details);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        return command;
    }

    private static Argument<string?> Optional(string name, string description)
        => new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };
}

/// <summary><c>dotnet cognova studio</c>'s own settings: where to listen and whether to open a browser.</summary>
internal sealed record StudioSettings(int? Port, bool NoOpen);

internal sealed class ToolCommand(string name, string summary, string details) : Command(name, summary)
{
    public string Details { get; } = details;
}
