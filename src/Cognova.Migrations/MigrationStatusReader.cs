using Cognova.Migrations.Internal;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cognova.Migrations;

/// <summary>Where a database stands against a DbContext's migrations.</summary>
/// <param name="Applied">The migrations in the database's history, in id order (unknown ones included).</param>
/// <param name="Pending">The migrations in the code that the database has not applied, in id order.</param>
/// <param name="Unknown">The migrations in the database's history that the code does not have (applied by a newer or another version of the app).</param>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    /// <summary>True when nothing is pending.</summary>
    public bool IsUpToDate => Pending.Count == 0;
}

/// <summary>Reads a database's migration history against the migrations in the code.</summary>
public static class MigrationStatusReader
{
    /// <summary>
    /// Reads the history table through the context's own connection. A database or history table that
    /// does not exist yet reads as no applied migration. Connection failures are thrown as they come.
    /// </summary>
    public static async Task<MigrationStatus> ReadAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        IEnumerable<string> applied = [];
        if (await HistoryExistsAsync(context, cancellationToken).ConfigureAwait(false))
        {
            applied = await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        }

        return Compare(context.Database.GetMigrations(), applied);
    }

    // A missing database or history table reads as nothing applied, without EF Core logging an error.
    private static async Task<bool> HistoryExistsAsync(DbContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }

        try
        {
            return await HistoryTable.ExistsAsync(context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    internal static MigrationStatus Compare(IEnumerable<string> known, IEnumerable<string> applied)
    {
        var knownList = known.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var appliedList = applied.Order(StringComparer.OrdinalIgnoreCase).ToList();
        var knownSet = new HashSet<string>(knownList, StringComparer.OrdinalIgnoreCase);
        var appliedSet = new HashSet<string>(appliedList, StringComparer.OrdinalIgnoreCase);
        return new MigrationStatus(
            appliedList,
            knownList.Where(id => !appliedSet.Contains(id)).ToList(),
            appliedList.Where(id => !knownSet.Contains(id)).ToList());
    }
}
