using Npgsql;

namespace Cognova.Bundle;

/// <summary>
/// The common deploy case, nothing to do, answered without starting EF Core: the bundle knows its
/// migration ids from its manifest, so one query of the history table tells whether every one of
/// them is applied. Anything else (pending, unknown, no history table, no database yet) goes the full
/// way, with the lock check, the advisory lock and EF Core's migrator, which starts from the history
/// read here (<see cref="Result.Applied"/>) instead of reading it again.
/// </summary>
public static class UpToDateProbe
{
    /// <param name="IsUpToDate">Every migration of the bundle is applied (and, unless allowed, no other one).</param>
    /// <param name="Applied">The history's migration ids; empty when the database or its history table does not exist yet.</param>
    public sealed record Result(bool IsUpToDate, IReadOnlyCollection<string> Applied);

    public static async Task<Result> ProbeAsync(string connectionString, BundleManifestData manifest, bool allowUnknown, CancellationToken cancellationToken)
    {
        // Whether a row comes back, then text: neither needs more than Npgsql's slim set of types, nor the
        // server's own types, so their loading (a round trip, and the work of reading its answer) is left out.
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        builder.ConfigureTypeLoading(loading => loading.EnableTypeLoading(false));
        await using var dataSource = builder.Build();
        await using var connection = dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The database does not exist yet: everything is pending, and the runner creates it.
            return new Result(false, []);
        }

        var table = manifest.HistorySchema is null ? Quote(manifest.HistoryTable) : $"{Quote(manifest.HistorySchema)}.{Quote(manifest.HistoryTable)}";

        // A row or none rather than a bool read, and a literal rather than a parameter: Npgsql then sets up
        // no type handling for them, work this short-lived process would pay for in start-up time.
        await using (var exists = new NpgsqlCommand($"SELECT 1 WHERE to_regclass({TextLiteral(table)}) IS NOT NULL", connection))
        await using (var answer = await exists.ExecuteReaderAsync(cancellationToken))
        {
            if (!await answer.ReadAsync(cancellationToken))
            {
                return new Result(false, []);
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
        return new Result(known.IsSubsetOf(applied) && (allowUnknown || applied.IsSubsetOf(known)), applied);
    }

    /// <summary>An escape string (<c>E'…'</c>), read the same whatever <c>standard_conforming_strings</c> is.</summary>
    private static string TextLiteral(string value) => "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
