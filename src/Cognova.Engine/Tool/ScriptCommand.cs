using Cognova.Engine.Diagnostics;
using Cognova.Engine.Tool.Script;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova script [&lt;from&gt;] [&lt;to&gt;] [--plain]</c>: a SQL script of a range of migrations, from
/// EF Core's own migrator. Idempotent by default (<see cref="MigrationsSqlGenerationOptions.Idempotent"/>): each
/// migration runs only where the history table says it has not, so the file can run against any database
/// of the app; <c>--plain</c> writes the statements without those checks. The migrations' raw SQL is made
/// runnable by psql on the way (<see cref="ScriptableRawSql"/>). No database is needed. <c>from</c>
/// defaults to the start, <c>to</c> to the latest migration.
/// </summary>
internal static class ScriptCommand
{
    public static int Run(CliSession session)
    {
        using var context = session.CreateContext();
        var ids = context.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
        if (ids.Count == 0)
        {
            throw CliException.Usage($"{session.ContextName} has no migrations to script. Create the first one: dotnet cognova generate InitialCreate");
        }

        var from = session.Request.From is { } fromName ? CliSession.ResolveMigration(ids, fromName) : Migration.InitialDatabase;
        var to = session.Request.To is { } toName ? CliSession.ResolveMigration(ids, toName) : null;
        var idempotent = !session.Request.Plain;
        var reverts = to is not null && Position(ids, to) < Position(ids, from);
        var rewritten = new List<(string Migration, ScriptableSql Sql)>();
        var script = session.Log.Step("generate the script", () => Migrator(context, idempotent, reverts, (id, sql) => rewritten.Add((id, sql)))
            .GenerateScript(from, to, idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default));

        // Standard output may be the script itself: what the tool says about it goes to standard error then.
        var output = session.Request.Output;
        Report(session, rewritten, toStandardError: output is null);
        if (output is null)
        {
            session.Console.Data(script);
            return ExitCodes.Success;
        }

        var path = Path.GetFullPath(output);
        AtomicFile.WriteAllText(path, script);
        session.Console.Success($"Wrote {path} ({Range(ids, from, to, idempotent)}).");
        return ExitCodes.Success;
    }

    /// <summary>The application's own migrator (Npgsql's), over migrations whose raw SQL is rewritten for a script.</summary>
    private static IMigrator Migrator(DbContext context, bool idempotent, bool reverts, Action<string, ScriptableSql> rewritten)
    {
        var migrations = ScriptMigrationsAssembly.Wrap(context.GetService<IMigrationsAssembly>(), idempotent, reverts, rewritten);
        return (IMigrator)ActivatorUtilities.CreateInstance(context.GetInfrastructure(), context.GetService<IMigrator>().GetType(), migrations);
    }

    private static void Report(CliSession session, List<(string Migration, ScriptableSql Sql)> rewritten, bool toStandardError)
    {
        foreach (var (migration, sql) in rewritten.DistinctBy(r => (r.Migration, r.Sql.Sql)))
        {
            foreach (var change in sql.Changes)
            {
                Say(session, toStandardError, $"Raw SQL of {migration}: {change}", warning: false);
            }

            foreach (var hazard in sql.Hazards)
            {
                Say(session, toStandardError,
                    $"warning {DiagnosticCodes.ScriptStatementReturnsRows}: Raw SQL of {migration} returns rows inside the idempotent script's DO block, where psql stops with "
                    + $"\"query has no destination for result data\": {hazard}. Make it a statement that returns nothing (PERFORM cannot stand in for this one), or write a plain script: dotnet cognova script --plain",
                    warning: true);
            }
        }
    }

    private static void Say(CliSession session, bool toStandardError, string text, bool warning)
    {
        if (toStandardError)
        {
            session.Console.Error(text);
        }
        else if (warning)
        {
            session.Console.Warning(text);
        }
        else
        {
            session.Console.Dim(text);
        }
    }

    /// <summary>How many migrations a database at <paramref name="id"/> has applied (0 for <c>0</c>).</summary>
    private static int Position(IReadOnlyList<string> ids, string id)
        => id == Migration.InitialDatabase ? 0 : ids.ToList().IndexOf(id) + 1;

    private static string Range(IReadOnlyList<string> ids, string from, string? to, bool idempotent)
    {
        var kind = idempotent ? "idempotent" : "plain: for a database at the start of the range";
        var start = Position(ids, from);
        var end = to is null ? ids.Count : Position(ids, to);
        return end > start
            ? $"{end - start} migration(s): {ids[start]} to {ids[end - 1]}, {kind}"
            : $"reverting to {to}, {kind}";
    }
}
