using Npgsql;
using NpgsqlTypes;

namespace Cognova.Studio.Sql;

/// <summary>
/// The positional parameters of one statement. Every value travels as text and is cast in SQL to the
/// column's own type (<c>$1::numeric</c>), so PostgreSQL parses it: a bigint beyond 2^53 or 83261.85 stays exact.
/// Built with <c>literals: true</c>, it writes each value as a literal instead: the same statement for a
/// person to read (the preview of staged changes), never to run.
/// </summary>
internal sealed class SqlParameters(bool literals = false)
{
    private readonly List<string?> _values = [];

    public IReadOnlyList<string?> Values => _values;

    /// <summary>Adds a value and returns its placeholder, cast to <paramref name="type"/> when one is given.</summary>
    public string Add(string? value, string? type = null)
    {
        if (literals)
        {
            return SqlText.Literal(value, type ?? "text");
        }

        _values.Add(value);
        var placeholder = "$" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return type is null ? placeholder : placeholder + "::" + type;
    }

    public SqlStatement Statement(string text) => new(text, [.. _values]);
}

/// <summary>A statement and its parameters.</summary>
internal sealed record SqlStatement(string Text, IReadOnlyList<string?> Parameters)
{
    public NpgsqlCommand ToCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var command = new NpgsqlCommand(Text, connection, transaction);
        foreach (var value in Parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value });
        }

        return command;
    }
}
