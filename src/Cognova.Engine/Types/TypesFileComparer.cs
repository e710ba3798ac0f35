namespace Cognova.Engine.Types;

/// <summary>
/// Compares a committed TypeScript file with the one the model gives, member by member: a declaration
/// (<c>Tag</c>, <c>TagStatus</c>) or a member of one (<c>Tag.name</c>, <c>NewTag.color</c>). Line ends do not count,
/// so a CRLF checkout of an up-to-date file is up to date.
/// </summary>
internal static class TypesFileComparer
{
    public static bool AreSame(string committed, string generated) => Normalize(committed) == Normalize(generated);

    /// <summary>What differs, one line per member, in the generated file's order, then the members only the committed file has.</summary>
    public static IReadOnlyList<string> Differences(string committed, string generated)
    {
        var expected = Members(generated);
        var actual = Members(committed);
        var differences = new List<string>();
        foreach (var (name, line) in expected)
        {
            if (!actual.TryGetValue(name, out var committedLine))
            {
                differences.Add($"{name}: missing (the model has `{line}`)");
            }
            else if (committedLine != line)
            {
                differences.Add($"{name}: `{committedLine}` is now `{line}`");
            }
        }

        foreach (var name in actual.Keys.Where(n => !expected.ContainsKey(n)))
        {
            differences.Add($"{name}: no longer in the model");
        }

        if (differences.Count == 0 && !AreSame(committed, generated))
        {
            differences.Add("the header or comments differ (model hash " + (TypeScriptGenerator.HashOf(committed) ?? "none") + ", now " + (TypeScriptGenerator.HashOf(generated) ?? "none") + ")");
        }

        return differences;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Declarations and their members, by name, in file order, each with its line (trimmed).</summary>
    private static Dictionary<string, string> Members(string text)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        string? block = null;
        foreach (var raw in Normalize(text).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                var name = DeclaredName(line);
                if (name is null)
                {
                    continue;
                }

                // "export type X" and "export const X" share a name: the type is X, the object X (const).
                var key = line.StartsWith("export const ", StringComparison.Ordinal) ? name + " (const)" : name;
                members.TryAdd(key, line);
                block = line.EndsWith('{') ? name : null;
                continue;
            }

            if (line.StartsWith('}'))
            {
                block = null;
                continue;
            }

            var trimmed = line.Trim();
            if (block is null || trimmed.Length == 0 || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith('*'))
            {
                continue;
            }

            var colon = MemberNameEnd(trimmed);
            if (colon > 0)
            {
                members.TryAdd(block + "." + trimmed[..colon].TrimEnd('?').Trim('"'), trimmed);
            }
        }

        return members;
    }

    private static string? DeclaredName(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words[1] is "type" or "interface" or "const" ? words[2].TrimEnd('{', '=', ';') : null;
    }

    /// <summary>Where a member's name ends (its colon), past a quoted name's own colons.</summary>
    private static int MemberNameEnd(string line)
    {
        if (line.StartsWith('"'))
        {
            var close = line.IndexOf('"', 1);
            return close < 0 ? -1 : line.IndexOf(':', close);
        }

        return line.IndexOf(':', StringComparison.Ordinal);
    }
}
