using Npgsql;

namespace Cognova.Studio.Data;

/// <summary><c>POST /api/sql</c>'s answer: the first result's columns and rows (PostgreSQL's text), and what the last statement did.</summary>
internal sealed record SqlResult(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows, long RowCount, string Command, bool Truncated);

/// <summary>
/// The SQL console: the user's statements in one transaction, read-only and always rolled back unless the
/// studio was started with <c>--write</c> (then committed). Values come back as PostgreSQL's own text
/// (every result column is read in text format), so nothing is converted on the way.
/// </summary>
internal sealed class SqlConsole(NpgsqlDataSource dataSource, bool writable)
{
    public const int MaxRows = 1000;

    public async Task<SqlResult> RunAsync(string sql, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = connection;
        await using var __ = transaction;
        SqlResult result;
        await using (var statements = new NpgsqlCommand(sql, connection, transaction) { AllResultTypesAreUnknown = true })
        await using (var reader = await statements.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            List<string>? columns = null;
            var rows = new List<string?[]>();
            var truncated = false;
            do
            {
                if (columns is not null || reader.FieldCount == 0)
                {
                    continue;
                }

                columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (rows.Count == MaxRows)
                    {
                        truncated = true;
                        break;
                    }

                    rows.Add(ReadRow(reader));
                }
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

            // Several statements in one text is what a console runs (the DbBatch API wants them split); their
            // command tags are only on the reader's Statements.
#pragma warning disable CS0618
            var last = reader.Statements.Count > 0 ? reader.Statements[^1] : null;
#pragma warning restore CS0618
            var command = last?.StatementType ?? Npgsql.StatementType.Other;
            var rowCount = columns is not null && command == Npgsql.StatementType.Select ? rows.Count : (long)(last?.Rows ?? 0);
            result = new SqlResult(columns ?? [], rows, rowCount, command.ToString().ToUpperInvariant(), truncated);
        }

        await EndAsync(transaction, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Opens the console's transaction: read-only unless writable. The caller disposes both.</summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!writable)
        {
            // The SELECT takes the transaction's snapshot: after it, a SET TRANSACTION READ WRITE in the user's SQL is refused (25001).
            await using var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY; SELECT 1", connection, transaction);
            await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (connection, transaction);
    }

    /// <summary>Commits a writable studio's work; a read-only studio's is rolled back, whatever it tried.</summary>
    public async Task EndAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Connection is null)
        {
            return; // the statements ended the transaction themselves (COMMIT or ROLLBACK).
        }

        if (writable)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string?[] ReadRow(NpgsqlDataReader reader)
    {
        var row = new string?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
        }

        return row;
    }
}
