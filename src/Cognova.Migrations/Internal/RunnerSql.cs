using System.Data.Common;
using System.Globalization;

namespace Cognova.Migrations.Internal;

/// <summary>
/// The runner's own few statements are written so that Npgsql needs no type handling for them: values go
/// in as literals rather than parameters, and a yes/no question is answered by whether a row comes back
/// rather than by reading a value. Setting up that type handling is work a short-lived process (the
/// migration bundle) pays for in start-up time, and EF Core's migrations, which send plain SQL and read
/// no values on a fresh database, never need it.
/// </summary>
internal static class RunnerSql
{
    /// <summary>An escape string (<c>E'…'</c>), read the same whatever <c>standard_conforming_strings</c> is.</summary>
    public static string Text(string value)
        => "E'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A quoted, typed literal: unquoted, <c>-9223372036854775808</c> would be read as a numeric.</summary>
    public static string BigInt(long value) => "'" + value.ToString(CultureInfo.InvariantCulture) + "'::bigint";

    /// <summary>Runs <c>SELECT 1 WHERE <paramref name="condition"/></c>: true when the condition held.</summary>
    public static async Task<bool> HoldsAsync(DbConnection connection, string condition, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 WHERE " + condition;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }
}
