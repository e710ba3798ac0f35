using Cognova.Migrations.Tooling;
using Cognova.Protocol;
using Cognova.Secrets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cognova.Engine.Tool;

/// <summary>
/// The database a command works on: which connection string, from where (the command line, the
/// environment or the application's configuration), and a warm connection to it.
/// </summary>
internal sealed class CommandDatabase(EngineRequest request, CliConsole console, HostLog log)
{
    /// <summary>
    /// Points <paramref name="context"/> at the database to use, as the migration bundle chooses it:
    /// <c>--connection</c>, <c>DATABASE_URL</c>, a single <c>ConnectionStrings__&lt;Name&gt;</c> variable, else the
    /// application's own configuration. Returns where it came from and the database it names.
    /// </summary>
    public DatabaseTarget Use(DbContext context)
    {
        (string ConnectionString, string Source)? chosen;
        try
        {
            chosen = ConnectionResolver.Resolve(request.Connection, Environment.GetEnvironmentVariables());
        }
        catch (ConnectionStringException ex)
        {
            throw CliException.Usage(ex.Message);
        }

        string source;
        if (chosen is { } found)
        {
            context.Database.SetConnectionString(found.ConnectionString);
            source = found.Source;
        }
        else if (!string.IsNullOrEmpty(context.Database.GetConnectionString()))
        {
            source = "the application's configuration";
            SecretMasker.RegisterConnectionString(context.Database.GetConnectionString());
        }
        else
        {
            throw CliException.Usage(
                $"No connection string for {context.GetType().Name}: pass --connection \"Host=…;Database=…\", or set DATABASE_URL (postgres://user:password@host:5432/database) or ConnectionStrings__<Name>.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(context.Database.GetConnectionString());
        }
        catch (ArgumentException)
        {
            // Npgsql's message can quote the piece after an unquoted ';' in a password: never shown.
            throw CliException.Usage(
                $"The connection string from {source} cannot be read. Quote a value that holds ';', '=', a quote or leading spaces: "
                + "Password='...' or Password=\"...\", a quote inside doubled.");
        }

        var target = new DatabaseTarget(builder.Host ?? "", builder.Port, builder.Database ?? builder.Username ?? "", source);
        console.Verbose($"database {target} (from {source}): {SecretMasker.MaskConnectionString(context.Database.GetConnectionString()!)}");
        return target;
    }

    /// <summary>
    /// Opens (and returns to the pool) a connection to the database named on the command line or in the
    /// environment, in the background while the DbContext is being created: connecting and loading the
    /// server's types then costs the command nothing. Failures are left for the command to meet.
    /// </summary>
    public void WarmUp()
    {
        if (KnownConnectionString() is not { } connectionString)
        {
            return;
        }

        _ = Task.Run(() =>
        {
            try
            {
                using var connection = new NpgsqlConnection(connectionString);
                connection.Open();
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or ArgumentException)
            {
                log.Verbose("warming up the connection failed: " + ex.Message);
            }
        });
    }

    /// <summary>
    /// The connection string <see cref="Use"/> will choose when it comes from the command line or the
    /// environment, known before the DbContext exists; null when it comes from the application's configuration (or cannot be read).
    /// </summary>
    public string? KnownConnectionString()
    {
        try
        {
            return ConnectionResolver.Resolve(request.Connection, Environment.GetEnvironmentVariables())?.ConnectionString;
        }
        catch (ConnectionStringException)
        {
            return null;
        }
    }
}

/// <summary>The database a command works on, for messages (never the password) and the production guard.</summary>
public sealed record DatabaseTarget(string Host, int Port, string Database, string Source)
{
    public override string ToString() => $"{Database} on {Host}:{Port}";
}
