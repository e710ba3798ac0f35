using Npgsql;

namespace Cognova.Studio.Edits;

/// <summary>The outcome of saving: every change applied, or none and the first that could not be.</summary>
internal sealed record ApplyResult(int Applied, ChangeConflict? Conflict);

internal sealed record ChangeConflict(int Index, string Message);

/// <summary>A change PostgreSQL refused; nothing was applied.</summary>
internal sealed class ChangeFailedException(int index, PostgresException inner)
    : Exception($"Change {index + 1}: {inner.MessageText}", inner)
{
    public int Index { get; } = index;

    public PostgresException Postgres { get; } = inner;
}

/// <summary>Runs planned changes in one transaction: all of them, or, at the first conflict or error, none.</summary>
internal sealed class ChangeApplier(NpgsqlDataSource dataSource)
{
    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<PlannedChange> changes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            int affected;
            try
            {
                await using var command = change.Statement.ToCommand(connection, transaction);
                affected = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new ChangeFailedException(change.Index, ex);
            }

            if (change.ChecksRowVersion && affected == 0)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                return new ApplyResult(0, new ChangeConflict(change.Index,
                    $"{char.ToUpperInvariant(change.Row[0])}{change.Row[1..]} was changed or deleted by someone else since it was read. Nothing was saved; reload the rows and make the change again."));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ApplyResult(changes.Count, null);
    }
}
