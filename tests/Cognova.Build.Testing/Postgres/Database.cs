using System.Globalization;
using Npgsql;

namespace Cognova.Build.Testing.Postgres;

/// <summary>
/// Looks at and changes a test database directly, the way a developer with psql would. Every call opens a
/// connection of its own (not pooled), so that no idle pooled connection outlives the test and keeps its
/// database from being dropped.
/// </summary>
public static class Database
{
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        return await QueryAsync(connection, sql, read, parameters);
    }

    public static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first column of every row, as invariant text.</summary>
    public static async Task<IReadOnlyList<string>> ColumnAsync(string connectionString, string sql)
        => await QueryAsync(connectionString, sql, r => Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture)!);

    public static Task<IReadOnlyList<string>> TablesAsync(string connectionString)
        => ColumnAsync(connectionString, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory' ORDER BY 1");

    public static Task<IReadOnlyList<string>> ColumnsAsync(string connectionString, string table)
        => ColumnAsync(connectionString, $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position");

    public static Task<IReadOnlyList<string>> HistoryAsync(string connectionString)
        => ColumnAsync(connectionString, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");

    /// <summary>A postgres:// URL for the connection string, as DATABASE_URL holds it.</summary>
    public static string ToUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}{password}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
