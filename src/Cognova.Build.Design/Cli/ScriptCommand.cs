using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Build.Design.Cli;

/// <summary>
/// <c>dotnet cognova script [&lt;from&gt;] [&lt;to&gt;]</c>: an idempotent SQL script of a range of migrations, from
/// EF Core's own migrator (<see cref="MigrationsSqlGenerationOptions.Idempotent"/>): each migration runs
/// only where the history table says it has not, so the file can run against any database of the
/// app. No database is needed. <c>from</c> defaults to the start, <c>to</c> to the latest migration.
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

        var from = session.Arguments.Optional("from") is { } fromName ? CliSession.ResolveMigration(ids, fromName) : Migration.InitialDatabase;
        var to = session.Arguments.Optional("to") is { } toName ? CliSession.ResolveMigration(ids, toName) : null;
        var script = session.Log.Step("generate the script", () =>
            context.GetService<IMigrator>().GenerateScript(from, to, MigrationsSqlGenerationOptions.Idempotent));

        var output = session.Arguments.Optional("output");
        if (output is null)
        {
            session.Console.Data(script);
            return CliExitCodes.Success;
        }

        var path = Path.GetFullPath(output);
        AtomicFile.WriteAllText(path, script);
        session.Console.Success($"Wrote {path} ({Range(ids, from, to)}).");
        return CliExitCodes.Success;
    }

    private static string Range(IReadOnlyList<string> ids, string from, string? to)
    {
        var start = from == Migration.InitialDatabase ? 0 : ids.ToList().IndexOf(from) + 1;
        var end = to is null ? ids.Count : to == Migration.InitialDatabase ? 0 : ids.ToList().IndexOf(to) + 1;
        return end > start
            ? $"{end - start} migration(s): {ids[start]} to {ids[end - 1]}, idempotent"
            : $"reverting to {to}, idempotent";
    }
}
