using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Build.Design.Migrations;

/// <summary>
/// Generates each migration's SQL with the provider's own generator, as <c>dotnet ef migrations script</c>
/// does, without a database connection.
/// </summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> Generate(DbContext context) => Enumerate(context).ToList();

    /// <summary>The scripts one at a time, in the order the migrations run, so that a caller can use each as soon as it is made.</summary>
    public static IEnumerable<MigrationScript> Enumerate(DbContext context)
    {
        var assembly = context.GetService<IMigrationsAssembly>();
        var generator = context.GetService<IMigrationsSqlGenerator>();
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var provider = context.GetService<IDatabaseProvider>().Name;
        var typeMappings = context.GetService<IRelationalTypeMappingSource>();

        IModel? modelBefore = null;
        foreach (var (id, type) in assembly.Migrations)
        {
            var migration = assembly.CreateMigration(type, provider);
            var model = migration.TargetModel is null ? null : initializer.Initialize(migration.TargetModel);
            yield return Build(id, type.Name, migration.UpOperations, generator, model, typeMappings, RelationalModel(modelBefore));
            modelBefore = model ?? modelBefore;
        }
    }

    /// <summary>
    /// Each operation's SQL is generated on its own, so that a finding can quote and hash exactly its
    /// statement; the migration's script is those statements in order.
    /// </summary>
    internal static MigrationScript Build(
        string id,
        string className,
        IReadOnlyList<MigrationOperation> operations,
        IMigrationsSqlGenerator generator,
        IModel? model,
        IRelationalTypeMappingSource? typeMappings,
        IRelationalModel? modelBefore)
    {
        var perOperation = operations
            .Select(operation => Join(generator.Generate([operation], model)))
            .ToList();
        return new MigrationScript(id, className, operations, perOperation, string.Join("\n", perOperation))
        {
            TypeMappings = typeMappings,
            ModelBefore = modelBefore,
        };
    }

    private static IRelationalModel? RelationalModel(IModel? model)
    {
        try
        {
            return model?.GetRelationalModel();
        }
        catch (InvalidOperationException)
        {
            // A model without relational metadata: old types then come from the CLR type mapping alone.
            return null;
        }
    }

    private static string Join(IEnumerable<MigrationCommand> commands)
        => string.Join("\n", commands.Select(c => c.CommandText.Replace("\r\n", "\n").Trim()));
}
