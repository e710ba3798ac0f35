using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Cognova.Migrations.Internal;

/// <summary>
/// Points a DbContext at the runner's dedicated connection for the length of a run, so that EF Core's
/// migrator runs every migration on the session that holds the advisory lock, and puts the context's
/// own connection back afterwards: the user's connection object if the options named one, otherwise a
/// fresh connection from the same connection string or data source.
/// </summary>
internal sealed class ContextConnection
{
    private readonly DbContext _context;
    private readonly NpgsqlConnection _original;
    private readonly NpgsqlConnection? _userConnection;
    private readonly string? _connectionString;
    private readonly int? _commandTimeout;
    private bool _attached;

    private ContextConnection(DbContext context, NpgsqlConnection original, NpgsqlConnection? userConnection, string? connectionString, int? commandTimeout)
    {
        _context = context;
        _original = original;
        _userConnection = userConnection;
        _connectionString = connectionString;
        _commandTimeout = commandTimeout;
    }

    /// <summary>Host, port and database of the context's connection string, for messages (never the password).</summary>
    public string DatabaseLabel => Label(new NpgsqlConnectionStringBuilder(SafeConnectionString(_original)));

    /// <summary>Checks that the context can lend its connection: Npgsql, closed, no transaction.</summary>
    /// <exception cref="InvalidOperationException">The context cannot be used.</exception>
    public static ContextConnection Borrow(DbContext context)
    {
        var facade = context.Database;
        if (!facade.IsRelational())
        {
            throw new InvalidOperationException($"{context.GetType().Name} does not use a relational provider; Cognova.Migrations needs Npgsql (UseNpgsql).");
        }

        if (facade.GetDbConnection() is not NpgsqlConnection current)
        {
            throw new InvalidOperationException($"{context.GetType().Name} uses {facade.ProviderName}; Cognova.Migrations needs Npgsql (UseNpgsql).");
        }

        if (current.State != ConnectionState.Closed || facade.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                $"The connection of {context.GetType().Name} is open or in a transaction; run migrations on a context whose connection is closed.");
        }

        var options = RelationalOptionsExtension.Extract(context.GetService<IDbContextOptions>());
        var userConnection = options.Connection is not null && ReferenceEquals(options.Connection, current) && !options.IsConnectionOwned
            ? current
            : null;
        return new ContextConnection(context, current, userConnection, facade.GetConnectionString(), facade.GetCommandTimeout());
    }

    /// <summary>
    /// A new connection with the context's connection string and credentials (also those of a data
    /// source: password provider, SSL callbacks), without pooling, so that closing it ends the session
    /// and with it any advisory lock it holds.
    /// </summary>
    public async Task<NpgsqlConnection> CreateDedicatedConnectionAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(_original.ConnectionString)
        {
            Pooling = false,
            Multiplexing = false,
            Enlist = false,
        };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "Cognova.Migrations";
        }

        return await _original.CloneWithAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A dedicated connection, with the same credentials, to the server's maintenance database
    /// (<c>postgres</c>, where EF Core's database creator connects too), for work on a database that does not exist yet.
    /// </summary>
    public async Task<NpgsqlConnection> CreateMaintenanceConnectionAsync(CancellationToken cancellationToken)
    {
        var dedicated = await CreateDedicatedConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (dedicated.ConfigureAwait(false))
        {
            var builder = new NpgsqlConnectionStringBuilder(dedicated.ConnectionString) { Database = "postgres" };
            return await dedicated.CloneWithAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes the context use <paramref name="connection"/> (already open) for everything until <see cref="Restore"/>.</summary>
    public void Attach(NpgsqlConnection connection)
    {
        _context.Database.SetDbConnection(connection, contextOwnsConnection: false);
        _context.Database.SetCommandTimeout(_commandTimeout);
        _attached = true;
    }

    /// <summary>Puts the context's own connection back.</summary>
    public void Restore()
    {
        if (!_attached)
        {
            return;
        }

        _attached = false;
        var facade = _context.Database;
        if (_userConnection is not null)
        {
            facade.SetDbConnection(_userConnection, contextOwnsConnection: false);
        }
        else
        {
            // The context made its own connection: let it make a new one from its data source, or from
            // the connection string it had (SetDbConnection forgets the string).
            facade.SetDbConnection(null, contextOwnsConnection: true);
            if (string.IsNullOrEmpty(facade.GetConnectionString()) && !string.IsNullOrEmpty(_connectionString))
            {
                facade.SetConnectionString(_connectionString);
            }
        }

        facade.SetCommandTimeout(_commandTimeout);
    }

    public static string Label(NpgsqlConnection connection)
        => $"{connection.Host}:{connection.Port}/{connection.Database}";

    private static string Label(NpgsqlConnectionStringBuilder builder)
        => $"{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? "?"}";

    private static string SafeConnectionString(NpgsqlConnection connection)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Password = null }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }
}
