using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// Reads a live database's schema with the provider's reverse-engineering services (for Npgsql, its
/// <see cref="IDatabaseModelFactory"/>, as <c>dotnet ef dbcontext scaffold</c> does) and turns it into an
/// EF Core model with EF Core's scaffolding model factory, so that EF Core's own model differ can
/// compare it with the application's model. Only the schemas the model uses are read, and the
/// migrations history table is left out.
/// </summary>
internal static class LiveSchema
{
    /// <summary>The design-time services of the context's provider (the reverse-engineering services among them).</summary>
    public static IServiceProvider DesignServices(DbContext context, HostLog log)
        => log.Step("build design-time services", () =>
            new DesignTimeServicesBuilder(context.GetType().Assembly, context.GetType().Assembly, new DesignTime.HostReporter(log), []).Build(context));

    /// <returns>The database as a model; null when the database does not exist.</returns>
    public static IModel? Read(DbContext context, IServiceProvider designServices, IModel target, HostLog log)
    {
        DatabaseModel database;
        try
        {
            database = log.Step("read the database schema", () => ReadDatabase(designServices, context.Database.GetDbConnection(), SchemasOf(target)));
        }
        catch (Exception ex) when (IsMissingDatabase(ex))
        {
            return null;
        }

        return ToModel(database, context, designServices, target, log);
    }

    /// <summary>The tables, columns, keys, indexes and sequences of <paramref name="schemas"/>, as the provider's reverse engineering reads them.</summary>
    public static DatabaseModel ReadDatabase(IServiceProvider designServices, DbConnection connection, IReadOnlyList<string> schemas)
        => designServices.GetRequiredService<IDatabaseModelFactory>().Create(connection, new DatabaseModelFactoryOptions([], schemas));

    /// <summary>
    /// Turns what <see cref="ReadDatabase"/> read into a model the differ can compare with <paramref name="target"/>:
    /// without the context's migrations history table, with the default schema named the model's way.
    /// </summary>
    public static IModel ToModel(DatabaseModel database, DbContext context, IServiceProvider designServices, IModel target, HostLog log)
    {
        var (historyTable, historySchema) = HistoryTable(context);
        foreach (var table in database.Tables.Where(t => t.Name == historyTable && (t.Schema ?? DefaultSchema) == (historySchema ?? database.DefaultSchema ?? DefaultSchema)).ToList())
        {
            database.Tables.Remove(table);
        }

        // The application's model names no schema for tables in the default one; the database names
        // them all. Say it the model's way, or the differ sees every table move between schemas.
        var modelDefault = target.GetDefaultSchema();
        var implicitSchema = modelDefault ?? DefaultSchema;
        database.DefaultSchema = modelDefault;
        foreach (var table in database.Tables.Where(t => t.Schema == implicitSchema && modelDefault is null))
        {
            table.Schema = null;
        }

        foreach (var sequence in database.Sequences.Where(s => s.Schema == implicitSchema && modelDefault is null))
        {
            sequence.Schema = null;
        }

        return log.Step("build a model of the database", () => designServices.GetRequiredService<IScaffoldingModelFactory>()
            .Create(database, new ModelReverseEngineerOptions { UseDatabaseNames = true, NoPluralize = true }));
    }

    /// <summary>PostgreSQL's default schema, where a model that names none keeps its tables.</summary>
    public const string DefaultSchema = "public";

    /// <summary>The schemas the model's tables and sequences live in (the default schema when they name none).</summary>
    public static IReadOnlyList<string> SchemasOf(IModel model)
    {
        var fallback = model.GetDefaultSchema() ?? DefaultSchema;
        var relational = model.GetRelationalModel();
        return relational.Tables.Select(t => t.Schema)
            .Concat(relational.Sequences.Select(s => s.Schema))
            .Select(s => s ?? fallback)
            .Append(fallback)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static (string Table, string? Schema) HistoryTable(DbContext context)
    {
        var options = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        return (options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, options.MigrationsHistoryTableSchema);
    }

    private static bool IsMissingDatabase(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is Npgsql.PostgresException { SqlState: "3D000" })
            {
                return true;
            }
        }

        return false;
    }
}
