using System.Text.Json;
using Cognova.Engine.Tool.Schema;
using Cognova.Migrations.Tooling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Cognova.Engine.Tool;

/// <summary>
/// <c>dotnet cognova generate &lt;Name&gt;</c>, first half: scaffolds the migration with EF Core's own
/// <see cref="IMigrationsScaffolder"/>, as <c>dotnet ef migrations add</c> does (the same three files,
/// in the folder and namespace of the existing migrations). The tool then builds the project and runs
/// <see cref="InspectCommand"/> on the new migration: its SQL can only be generated once it is compiled.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(CliSession session)
    {
        var name = (session.Request.Name ?? throw new UsageException("missing --name")).Trim();
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || !IsIdentifier(name))
        {
            throw CliException.Usage($"'{name}' cannot name a migration: use letters, digits and underscores, starting with a letter (e.g. AddTagColor).");
        }

        if (string.Equals(name, session.ContextName, StringComparison.Ordinal))
        {
            throw CliException.Usage($"A migration cannot have the name of its DbContext ({name}): choose another name.");
        }

        using var context = session.CreateContext();
        var migrations = context.GetService<IMigrationsAssembly>();
        var existing = migrations.FindMigrationId(name);
        if (existing is not null)
        {
            throw CliException.Usage($"A migration named {name} exists already ({existing}). Choose another name, or change that migration if it never ran anywhere.");
        }

        CheckMigrationsAssembly(session, context);
        var services = LiveSchema.DesignServices(context, session.Log);
        using var scope = services.CreateScope();
        var scaffolder = scope.ServiceProvider.GetRequiredService<IMigrationsScaffolder>();
        var migration = session.Log.Step("scaffold the migration", () =>
            scaffolder.ScaffoldMigration(name, session.Project.RootNamespace ?? "", subNamespace: null, language: "C#", dryRun: false));
        var files = session.Log.Step("write the migration", () =>
            scaffolder.Save(session.Project.ProjectDirectory, migration, outputDir: null, dryRun: false));

        var console = session.Console;
        console.Success($"Added migration {migration.MigrationId}:");
        foreach (var file in new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile }.Where(f => f is not null))
        {
            console.Line("  " + Path.GetRelativePath(Environment.CurrentDirectory, file!));
        }

        var resultFile = session.Request.ResultFile;
        if (resultFile is not null)
        {
            File.WriteAllText(resultFile, JsonSerializer.Serialize(new { migration = migration.MigrationId, files = new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile } }));
        }

        return ExitCodes.Success;
    }

    /// <summary>As EF Core checks: the migrations must go into the assembly the context takes them from.</summary>
    private static void CheckMigrationsAssembly(CliSession session, DbContext context)
    {
        var options = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var expected = options.MigrationsAssembly ?? context.GetType().Assembly.GetName().Name;
        var project = Path.GetFileNameWithoutExtension(session.Request.Assembly);
        if (!string.Equals(expected, project, StringComparison.Ordinal))
        {
            throw CliException.Usage(
                $"{session.ContextName} takes its migrations from the assembly {expected}, not from {project}: run dotnet cognova generate on that project (--project).");
        }
    }

    private static bool IsIdentifier(string name)
        => name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
