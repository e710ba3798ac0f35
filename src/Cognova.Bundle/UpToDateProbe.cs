using Npgsql;

namespace Cognova.Bundle;

/// <summary>
/// The common deploy case, nothing to do, answered without starting EF Core: the bundle knows its
/// migration ids from its manifest, so one query of the history table tells whether every one of
/// them is applied. Anything else (pending, unknown, no history table, no database yet) goes the full
/// way, with the lock check, the advisory lock and EF Core's migrator.
/// </summary>
public static class UpToDateProbe
{
    public static async Task<bool> IsUpToDateAsync(string connectionString, BundleManifestData manifest, bool allowUnknown, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet: everything is pending, and the runner creates it.
            return false;
        }

        var table = manifest.HistorySchema is null ? Quote(manifest.HistoryTable) : $"{Quote(manifest.HistorySchema)}.{Quote(manifest.HistoryTable)}";

        await using (var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection))
        {
            exists.Parameters.AddWithValue("table", table);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return false;
            }
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var history = new NpgsqlCommand($"SELECT \"MigrationId\" FROM {table}", connection))
        await using (var reader = await history.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var known = manifest.Migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return known.IsSubsetOf(applied) && (allowUnknown || applied.IsSubsetOf(known));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
