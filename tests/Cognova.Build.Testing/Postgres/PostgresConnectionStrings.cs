using Npgsql;

namespace Cognova.Build.Testing.Postgres;

/// <summary>
/// Reads the connection strings a developer or CI hands to the tests (a <c>postgres://</c> URL or an
/// Npgsql key=value string) and masks passwords before anything is shown.
/// </summary>
public static class PostgresConnectionStrings
{
    /// <summary>
    /// Turns <paramref name="value"/> into an Npgsql connection string. Accepts
    /// <c>postgres://user:password@host:port/database?sslmode=require</c> (also <c>postgresql://</c>;
    /// user, password and database are percent-decoded; the port defaults to 5432 and the database to
    /// <c>postgres</c>) and Npgsql key=value strings. Error messages never repeat the value, since it
    /// may hold a password.
    /// </summary>
    public static NpgsqlConnectionStringBuilder Parse(string value, string source = "the connection string")
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseUrl(trimmed, source);
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(trimmed);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new FormatException("it names no Host");
            }

            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }

            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new FormatException(
                $"Cannot read {source}: expected a URL such as postgres://user:password@localhost:5432/postgres "
                + $"or an Npgsql string such as Host=localhost;Port=5432;Username=postgres;Password=...;Database=postgres ({Describe(e)}).");
        }
    }

    /// <summary>The connection string with its password replaced by <c>***</c>, safe to print (the product's masker).</summary>
    public static string MaskPassword(string connectionString) => Cognova.Secrets.SecretMasker.MaskConnectionString(connectionString);

    /// <summary>The connection string with its password replaced by <c>***</c>, safe to print (the product's masker).</summary>
    public static string MaskPassword(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return MaskPassword(builder.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder ParseUrl(string value, string source)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException(
                $"Cannot read {source}: it starts like a postgres:// URL but is not one "
                + "(expected postgres://user:password@host:port/database; percent-encode special characters in the password).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.DnsSafeHost,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
        };

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? uri.UserInfo : uri.UserInfo[..colon];
            builder.Username = Uri.UnescapeDataString(user);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/'));
        builder.Database = database.Length == 0 ? "postgres" : database;

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var setting = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq spellings that Npgsql does not know under the same name.
                switch (key.ToLowerInvariant())
                {
                    case "sslmode":
                        builder["SSL Mode"] = setting;
                        break;
                    case "connect_timeout":
                        builder["Timeout"] = setting;
                        break;
                    case "application_name":
                        builder["Application Name"] = setting;
                        break;
                    default:
                        builder[key] = setting;
                        break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new FormatException($"Cannot read {source}: the URL option '{key}' is not understood ({Describe(e)}).");
            }
        }

        return builder;
    }

    // Exception messages of the connection string parser name keys, not values; keep them short anyway.
    private static string Describe(Exception e) => e.GetType().Name + ": " + e.Message.Split('\n')[0];
}
