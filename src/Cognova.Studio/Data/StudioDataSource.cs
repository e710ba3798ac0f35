using Npgsql;

namespace Cognova.Studio.Data;

/// <summary>The studio's connections: named <c>cognova-studio</c>, and read-only in PostgreSQL itself unless the user asked to write.</summary>
internal static class StudioDataSource
{
    public const string ApplicationName = "cognova-studio";

    public static NpgsqlConnectionStringBuilder ConnectionString(string connectionString, bool writable)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName };
        if (!writable)
        {
            // Every transaction starts read-only: a write is refused by the server (SQLSTATE 25006), whatever the studio's own checks say.
            builder.Options = ((builder.Options ?? "") + " -c default_transaction_read_only=on").Trim();
        }

        return builder;
    }

    public static NpgsqlDataSource Create(string connectionString, bool writable)
        => new NpgsqlDataSourceBuilder(ConnectionString(connectionString, writable).ConnectionString).Build();
}
