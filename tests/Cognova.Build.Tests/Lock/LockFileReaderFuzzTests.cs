using System.Text;
using Cognova.Engine.Lock;
using Cognova.Migrations;
using static Cognova.Build.Tests.Lock.LockTestData;

namespace Cognova.Build.Tests.Lock;

/// <summary>
/// Many mutations of a valid lock file: truncated, values of the wrong type, duplicated keys, fields
/// removed, random bytes. Reading each one gives a model or a <see cref="LockFileFormatException"/>,
/// and a model that was read goes through verification without an exception either.
/// </summary>
public sealed class LockFileReaderFuzzTests
{
    private static readonly IReadOnlyList<MigrationScript> Scripts =
    [
        Script("20240101000000_Init", "CREATE TABLE a (id int);"),
        Script("20240102000000_DropB", "DROP TABLE b;"),
        Script("20240103000000_AddC", "CREATE TABLE c (id int);"),
    ];

    private static readonly string[] Replacements = ["1.5", "null", "true", "[]", "{}", "\"x\"", "-1", "1e400", "\"\"", "[{}]", "{\"id\":1}"];

    [Fact]
    public void Truncating_at_every_byte_never_throws_anything_but_a_format_error()
    {
        var json = Valid();
        for (var length = 0; length < json.Length; length++)
        {
            AssertReadsOrRejects(json[..length]);
        }
    }

    [Fact]
    public void Every_value_replaced_by_every_other_type_never_throws_anything_but_a_format_error()
    {
        var json = Valid();
        foreach (var (start, end) in ValueSpans(json))
        {
            foreach (var replacement in Replacements)
            {
                AssertReadsOrRejects(json[..start] + replacement + json[end..]);
            }
        }
    }

    [Fact]
    public void Every_line_duplicated_or_deleted_never_throws_anything_but_a_format_error()
    {
        var lines = Valid().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            AssertReadsOrRejects(string.Join('\n', lines.Take(i + 1).Append(lines[i]).Concat(lines.Skip(i + 1))));
            AssertReadsOrRejects(string.Join('\n', lines.Take(i).Concat(lines.Skip(i + 1))));
        }
    }

    [Fact]
    public void Random_byte_changes_never_throw_anything_but_a_format_error()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid());
        var random = new Random(20261128);
        for (var round = 0; round < 3000; round++)
        {
            var mutated = (byte[])bytes.Clone();
            for (var changes = random.Next(1, 4); changes > 0; changes--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            AssertReadsOrRejects(Encoding.UTF8.GetString(mutated));
        }
    }

    [Fact]
    public void Whole_entries_duplicated_or_moved_are_rejected_or_reported_never_thrown()
    {
        var json = Valid();
        var first = json.IndexOf("        {", StringComparison.Ordinal);
        var second = json.IndexOf("        {", first + 1, StringComparison.Ordinal);
        var entry = json[first..second];

        AssertReadsOrRejects(json.Insert(second, entry));
        AssertReadsOrRejects(json.Remove(first, second - first));
        AssertReadsOrRejects(json.Replace("\"AppDbContext\"", "\"Other\"", StringComparison.Ordinal));
    }

    private static void AssertReadsOrRejects(string json)
    {
        LockFile file;
        try
        {
            file = LockFileSerializer.Parse(json);
        }
        catch (LockFileFormatException)
        {
            return;
        }

        foreach (var context in file.Contexts.Values)
        {
            LockVerifier.IntegrityProblems(context, Scripts);
            LockVerifier.Verify(context, Scripts, _ => false, readOnly: true);
        }

        LockUpgrade.ToCurrentVersion(file);
        LockFileSerializer.Serialize(file);
    }

    private static string Valid()
    {
        var file = new LockFile();
        var context = file.For("AppDbContext");
        foreach (var script in Scripts)
        {
            LockVerifier.Append(context, script);
        }

        context.Migrations[1].Approvals.Add(new Approval("COG2111", "sha256:" + new string('b', 64), "table b was never used", "DROP TABLE b;"));
        LockChain.Rechain(context);
        LockVerifier.Append(file.For("AuditContext"), Scripts[0]);
        return LockFileSerializer.Serialize(file);
    }

    /// <summary>The spans of every JSON value that is not an object or array: strings, numbers, literals.</summary>
    private static IEnumerable<(int Start, int End)> ValueSpans(string json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == ':')
            {
                var start = i + 1;
                while (json[start] == ' ')
                {
                    start++;
                }

                if (json[start] is '{' or '[')
                {
                    yield return (start, start + 1);
                    continue;
                }

                var end = json[start] == '"' ? json.IndexOf('"', start + 1) + 1 : start;
                while (end < json.Length && json[end] is not (',' or '\n' or '}'))
                {
                    end++;
                }

                yield return (start, end);
            }
        }
    }
}
