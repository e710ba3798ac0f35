using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Migrations.Internal;

/// <summary>
/// Whether the context's migration history table exists, asked without error: reading a history table
/// that does not exist works in EF Core (no migration applied), but EF Core logs the failed query as an
/// error first, and a fresh deployment should not log an error.
/// </summary>
internal static class HistoryTable
{
    /// <summary>The history table of the context, quoted (schema-qualified when the options name a schema).</summary>
    public static string QualifiedName(DbContext context)
    {
        var options = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var table = Quote(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName);
        return options.MigrationsHistoryTableSchema is { Length: > 0 } schema ? Quote(schema) + "." + table : table;
    }

    /// <summary>Asks on the context's current connection, which must be open.</summary>
    public static async Task<bool> ExistsAsync(DbContext context, CancellationToken cancellationToken)
    {
        return await RunnerSql.HoldsAsync(context.Database.GetDbConnection(), $"to_regclass({RunnerSql.Text(QualifiedName(context))}) IS NOT NULL", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The ids in the history table, read on the context's current connection, which must be open; null
    /// when the table does not exist.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> ReadAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(context, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var applied = await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        return applied.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Creates the history table (if it does not exist) on the context's current connection, which must be open.</summary>
    public static async Task CreateAsync(DbContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DuplicateTable
                                                     or Npgsql.PostgresErrorCodes.DuplicateObject
                                                     or Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Someone created it at the same moment (CREATE TABLE IF NOT EXISTS is not safe against that in PostgreSQL).
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
