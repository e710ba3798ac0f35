using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cognova.Migrations;

/// <summary>
/// Generates each migration's SQL with the provider's own generator, as <c>dotnet ef migrations script</c>
/// does, without a database connection.
/// </summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> Generate(DbContext context) => Enumerate(context, _ => true).ToList();

    /// <summary>The scripts of the migrations <paramref name="include"/> selects, in order (see <see cref="Enumerate(DbContext, Func{string, bool})"/>).</summary>
    public static IReadOnlyList<MigrationScript> Generate(DbContext context, Func<string, bool> include) => Enumerate(context, include).ToList();

    /// <summary>The scripts one at a time, in the order the migrations run, so that a caller can use each as soon as it is made.</summary>
    public static IEnumerable<MigrationScript> Enumerate(DbContext context) => Enumerate(context, _ => true);

    /// <summary>
    /// The scripts of the migrations <paramref name="include"/> selects, one at a time, in order. A migration's
    /// target model (its designer's, the costly part) is built only for a selected migration and for the
    /// one whose model a selected migration starts from.
    /// </summary>
    public static IEnumerable<MigrationScript> Enumerate(DbContext context, Func<string, bool> include)
    {
        var assembly = context.GetService<IMigrationsAssembly>();
        var generator = context.GetService<IMigrationsSqlGenerator>();
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var provider = context.GetService<IDatabaseProvider>().Name;
        var typeMappings = context.GetService<IRelationalTypeMappingSource>();

        var migrations = assembly.Migrations.ToList();
        var created = new Dictionary<int, (Migration Migration, IModel? Model)>();
        (Migration Migration, IModel? Model) Create(int index)
        {
            if (!created.TryGetValue(index, out var made))
            {
                var migration = assembly.CreateMigration(migrations[index].Value, provider);
                made = (migration, migration.TargetModel is null ? null : initializer.Initialize(migration.TargetModel));
                created[index] = made;
            }

            return made;
        }

        // The model before a migration is the target model of the nearest earlier migration that has one;
        // migrations before that one are never needed again, so their models are let go.
        IModel? ModelBefore(int index)
        {
            for (var earlier = index - 1; earlier >= 0; earlier--)
            {
                if (Create(earlier).Model is { } model)
                {
                    foreach (var older in created.Keys.Where(k => k < earlier).ToList())
                    {
                        created.Remove(older);
                    }

                    return model;
                }
            }

            return null;
        }

        for (var index = 0; index < migrations.Count; index++)
        {
            var (id, type) = migrations[index];
            if (!include(id))
            {
                continue;
            }

            var (migration, model) = Create(index);
            yield return Build(id, type.Name, migration.UpOperations, generator, model, typeMappings, RelationalModel(ModelBefore(index)));
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
