using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Engine.Tool.Schema;

/// <summary>
/// Sorts the differences between the live schema and the applied migrations' target model by who made
/// them: the migrations themselves (what their operations did that no model records: a default kept from
/// <c>AddColumn(defaultValue:)</c>, an older EF Core's delete action, a serial sequence's original name),
/// possibly the migrations (an object their raw SQL changes, a default they set that reads back differently:
/// unexplained, the database differs from the model and nobody is blamed), or nothing the migrations did (changed by hand).
/// </summary>
internal static partial class SchemaDifferenceClassifier
{
    // The annotations with which Npgsql marks how a column's values are generated (serial, identity).
    private static readonly string[] ValueGenerationAnnotations = ["Npgsql:ValueGenerationStrategy", "Npgsql:IdentityOptions", "Npgsql:ValueGeneratedOnAdd"];

    /// <param name="differences">The operations that turn the applied migrations' target model into the live schema.</param>
    /// <param name="trail">What the applied migrations' operations did.</param>
    public static ClassifiedDifferences Classify(IReadOnlyList<MigrationOperation> differences, MigrationTrail trail)
    {
        var createdForeignKeys = differences.OfType<AddForeignKeyOperation>()
            .Where(f => trail.MigrationThatCreated(f) is not null)
            .Select(f => (f.Schema, f.Table, f.Name))
            .ToHashSet();
        var byMigrations = new List<string>();
        var unexplained = new List<MigrationOperation>();
        var byHand = new List<MigrationOperation>();
        foreach (var difference in differences)
        {
            if (difference is DropForeignKeyOperation drop && createdForeignKeys.Contains((drop.Schema, drop.Table, drop.Name)))
            {
                // The model's version of a foreign key that the migrations created otherwise: told with the live one.
                continue;
            }

            if (MadeByMigrations(difference, trail) is { } explanation)
            {
                byMigrations.Add(explanation);
            }
            else if (Names(difference).Any(trail.RawSqlMentions) || DefaultSetByMigrations(difference, trail))
            {
                unexplained.Add(difference);
            }
            else
            {
                byHand.Add(difference);
            }
        }

        return new ClassifiedDifferences(byHand, unexplained, byMigrations);
    }

    /// <summary>How the applied migrations' operations made the difference, or null when they did not.</summary>
    private static string? MadeByMigrations(MigrationOperation difference, MigrationTrail trail)
    {
        switch (difference)
        {
            case AddForeignKeyOperation live when trail.MigrationThatCreated(live) is { } migration:
                return $"foreign key {Table(live.Schema, live.Table)}.{live.Name}: ON DELETE {OnDelete(live.OnDelete)}, as {migration} created it";
            case AlterColumnOperation live when trail.SerialSequenceOf(live.Schema, live.Table, live.Name) is var (sequence, migration)
                                                && SchemaDiff.DiffersOnlyInDefault(live, ValueGenerationAnnotations)
                                                && SequenceOfNextval(live.DefaultValueSql) == sequence:
                return $"column {Table(live.Schema, live.Table)}.{live.Name}: default {live.DefaultValueSql}, the sequence {migration} created for the serial column (renames keep its name)";
            case AlterColumnOperation live when trail.DefaultSetBy(live.Schema, live.Table, live.Name) is var (set, migration)
                                                && SchemaDiff.DiffersOnlyInDefault(live)
                                                && SameDefault(set, live):
                return $"column {Table(live.Schema, live.Table)}.{live.Name}: default {live.DefaultValueSql ?? Convert.ToString(live.DefaultValue, CultureInfo.InvariantCulture)}, "
                       + $"as {migration} set it (its model records no default)";
            default:
                return null;
        }
    }

    private static string Table(string? schema, string table) => string.IsNullOrEmpty(schema) ? table : schema + "." + table;

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => action.ToString().ToUpperInvariant(),
    };

    /// <summary>A column default that the migrations set, but written differently than the database returns it: not blamed on anyone.</summary>
    private static bool DefaultSetByMigrations(MigrationOperation difference, MigrationTrail trail)
        => difference is AlterColumnOperation live
           && (live.DefaultValue is not null || live.DefaultValueSql is not null)
           && trail.DefaultSetBy(live.Schema, live.Table, live.Name) is not null
           && SchemaDiff.DiffersOnlyInDefault(live, ValueGenerationAnnotations);

    private static bool SameDefault(ColumnOperation set, ColumnOperation live)
    {
        if (SchemaDiff.SameDefault(set, live))
        {
            return true;
        }

        var liveSql = WithoutCast(live.DefaultValueSql);
        var setSql = set.DefaultValueSql is { } sql ? WithoutCast(sql) : Literal(set.DefaultValue);
        return liveSql is not null && setSql is not null && string.Equals(liveSql, setSql, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How PostgreSQL shows a simple constant that a migration gave as a value; null for other values.</summary>
    private static string? Literal(object? value) => value switch
    {
        string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool flag => flag ? "true" : "false",
        byte or short or int or long or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The SQL without surrounding parentheses, spaces and a trailing <c>::type</c> cast (<c>''::text</c> → <c>''</c>).</summary>
    private static string? WithoutCast(string? sql)
    {
        if (sql is null)
        {
            return null;
        }

        var trimmed = sql.Trim();
        while (trimmed.StartsWith('(') && trimmed.EndsWith(')'))
        {
            trimmed = trimmed[1..^1].Trim();
        }

        return TrailingCast().Replace(trimmed, "");
    }

    /// <summary>The sequence in <c>nextval('"Blogs_Id_seq"'::regclass)</c>, without quotes or schema.</summary>
    private static string? SequenceOfNextval(string? sql)
    {
        var match = sql is null ? null : Nextval().Match(sql.Trim());
        if (match is not { Success: true })
        {
            return null;
        }

        return LastIdentifier(match.Groups["name"].Value.Replace("''", "'", StringComparison.Ordinal));
    }

    /// <summary>The last part of a possibly schema-qualified, possibly quoted name, unquoted.</summary>
    private static string LastIdentifier(string qualified)
    {
        var part = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < qualified.Length; i++)
        {
            var c = qualified[i];
            if (c == '"' && quoted && i + 1 < qualified.Length && qualified[i + 1] == '"')
            {
                part.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '.' && !quoted)
            {
                part.Clear();
            }
            else
            {
                part.Append(c);
            }
        }

        return part.ToString();
    }

    /// <summary>The table a difference is in and its own name (column, index, key, sequence).</summary>
    private static IEnumerable<string> Names(MigrationOperation difference)
    {
        if (difference is ITableMigrationOperation { Table: { } table })
        {
            yield return table;
        }

        if (difference.GetType().GetProperty("Name")?.GetValue(difference) is string name)
        {
            yield return name;
        }
    }

    [GeneratedRegex(@"::[A-Za-z_][A-Za-z0-9_ ""]*(\(\d+(,\s*\d+)?\))?(\[\])?$")]
    private static partial Regex TrailingCast();

    [GeneratedRegex(@"^nextval\('(?<name>(?:[^']|'')+)'(::regclass)?\)$", RegexOptions.IgnoreCase)]
    private static partial Regex Nextval();
}

/// <summary>
/// The differences between the live schema and the applied migrations, by who made them; those the
/// migrations made are told as what the database has and which migration made it.
/// </summary>
internal sealed record ClassifiedDifferences(
    IReadOnlyList<MigrationOperation> ByHand,
    IReadOnlyList<MigrationOperation> Unexplained,
    IReadOnlyList<string> ByMigrations);
