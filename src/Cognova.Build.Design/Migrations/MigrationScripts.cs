using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Build.Design.Migrations;

/// <summary>
/// Generates each migration's SQL with the provider's own generator, as <c>dotnet ef migrations script</c>
/// does, without a database connection.
/// </summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> Generate(DbContext context)
    {
        var assembly = context.GetService<IMigrationsAssembly>();
        var generator = context.GetService<IMigrationsSqlGenerator>();
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var provider = context.GetService<IDatabaseProvider>().Name;

        var scripts = new List<MigrationScript>();
        foreach (var (id, type) in assembly.Migrations)
        {
            var migration = assembly.CreateMigration(type, provider);
            var model = migration.TargetModel is null ? null : initializer.Initialize(migration.TargetModel);
            var operations = migration.UpOperations;

            // Each operation's SQL is generated on its own, so that a finding can quote and hash
            // exactly its statement; the migration's script is those statements in order.
            var perOperation = operations
                .Select(operation => Join(generator.Generate([operation], model)))
                .ToList();
            scripts.Add(new MigrationScript(id, type.Name, operations, perOperation, string.Join("\n", perOperation)));
        }

        return scripts;
    }

    private static string Join(IEnumerable<MigrationCommand> commands)
        => string.Join("\n", commands.Select(c => c.CommandText.Replace("\r\n", "\n").Trim()));
}
