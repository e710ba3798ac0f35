using System.Collections;
using Cognova.Secrets;
using Npgsql;

namespace Cognova.Migrations.Tooling;

/// <summary>
/// Where the migration bundle and <c>dotnet cognova</c> take the connection string from, first match wins: <c>--connection</c>,
/// <c>DATABASE_URL</c>, a single <c>ConnectionStrings__&lt;Name&gt;</c> variable (or
/// <c>ConnectionStrings__Default</c> among several); null means the application's own configuration.
/// Accepts key=value strings and <c>postgres://user:password@host:port/database?sslmode=require</c> URLs.
/// </summary>
public static class ConnectionResolver
{
    private const string ConnectionStringsPrefix = "ConnectionStrings__";

    /// <summary>The connection string and where it came from (<c>--connection</c>, <c>DATABASE_URL</c>, the variable's name); null when none is given.</summary>
    /// <exception cref="ConnectionStringException">The chosen value cannot be read.</exception>
    public static (string ConnectionString, string Source)? Resolve(string? fromArgument, IDictionary environment)
    {
        if (!string.IsNullOrWhiteSpace(fromArgument))
        {
            return (Normalize(fromArgument, "--connection"), "--connection");
        }

        if (environment["DATABASE_URL"] is string url && !string.IsNullOrWhiteSpace(url))
        {
            return (Normalize(url, "DATABASE_URL"), "DATABASE_URL");
        }

        var named = environment.Keys.OfType<string>()
            .Where(k => k.StartsWith(ConnectionStringsPrefix, StringComparison.OrdinalIgnoreCase) && environment[k] is string { Length: > 0 })
            .Order(StringComparer.Ordinal)
            .ToList();
        var chosen = named.Count == 1
            ? named[0]
            : named.FirstOrDefault(k => string.Equals(k, ConnectionStringsPrefix + "Default", StringComparison.OrdinalIgnoreCase));
        return chosen is null ? null : (Normalize((string)environment[chosen]!, chosen), chosen);
    }

    /// <summary>
    /// A key=value connection string, checked by Npgsql; a URL is converted first. Its secrets are
    /// registered with the masker first, so that no output of this process shows them.
    /// </summary>
    /// <exception cref="ConnectionStringException">The value cannot be read.</exception>
    public static string Normalize(string value, string source)
    {
        SecretMasker.RegisterConnectionString(value);
        var text = value.Trim();
        try
        {
            var builder = text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUrl(text)
                : new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                throw new FormatException("it names no host");
            }

            return builder.ConnectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            // The value may hold a password, and so may the parser's message (the piece after an unquoted
            // ';' in a password): name the source and say how to quote, never show either.
            throw new ConnectionStringException(
                $"{source} is not a valid PostgreSQL connection string or postgres:// URL. "
                + "Expected e.g. postgres://user:password@host:5432/database or Host=host;Database=database;Username=user;Password=password. "
                + "Quote a value that holds ';', '=', a quote or leading spaces: Password='...' or Password=\"...\", a quote inside doubled; in a URL, percent-encode it.");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        var uri = new Uri(text);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = value;
        }

        return builder;
    }
}
