using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cognova.Migrations.Internal;

/// <summary>
/// Opens the run's dedicated connection, the session that will hold the advisory lock; creates the
/// database first when it does not exist, as <c>Database.Migrate()</c> does.
/// </summary>
internal static class RunConnection
{
    /// <param name="context">The context being migrated: its database creator applies the model's database options.</param>
    /// <param name="borrowed">The context's connection settings.</param>
    /// <param name="lockId">The run's lock key, or null for the one <see cref="MigrationLockId"/> derives.</param>
    /// <param name="logger">Told when the database was created.</param>
    /// <param name="database">Host, port and database, for the log.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static async Task<NpgsqlConnection> OpenAsync(
        DbContext context,
        ContextConnection borrowed,
        long? lockId,
        ILogger logger,
        string database,
        CancellationToken cancellationToken)
    {
        var connection = await borrowed.CreateDedicatedConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var name = connection.Database;
            await connection.DisposeAsync().ConfigureAwait(false);
            await CreateDatabaseAsync(context, borrowed, name, lockId ?? MigrationLockId.For(name, context.GetType()), logger, database, cancellationToken).ConfigureAwait(false);
            connection = await borrowed.CreateDedicatedConnectionAsync(cancellationToken).ConfigureAwait(false);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Several instances can find the database missing at once. They take turns under the run's
    /// advisory lock in the maintenance database, and only the first creates it: the others' CREATE
    /// DATABASE would fail, and EF Core would log that expected race as an error.
    /// </summary>
    private static async Task CreateDatabaseAsync(
        DbContext context,
        ContextConnection borrowed,
        string name,
        long lockId,
        ILogger logger,
        string database,
        CancellationToken cancellationToken)
    {
        var maintenance = await borrowed.CreateMaintenanceConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (maintenance.ConfigureAwait(false))
        {
            await maintenance.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@id)", maintenance))
            {
                wait.Parameters.AddWithValue("id", lockId);
                await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", maintenance);
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return;
            }

            try
            {
                // EF Core's creator, so that the model's database options (template, collation, tablespace) apply.
                await context.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken).ConfigureAwait(false);
                MigrationLog.DatabaseCreated(logger, database);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Created a moment ago by something that does not take our lock (a person, another tool).
            }
        }

        // Closing the maintenance session released its advisory lock.
    }
}
