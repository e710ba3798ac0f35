namespace Cognova.Engine.Sources;

/// <summary>
/// Finds where a type is declared among the project's C# sources (the build passes the
/// <c>Compile</c> items), so that a diagnostic can point at the snapshot, the DbContext or a
/// migration instead of at the project file. Files are read only when first asked for.
/// </summary>
public sealed class SourceIndex
{
    private readonly IReadOnlyList<string> _files;
    private readonly IReadOnlyList<(string Path, string Name)> _handWritten;
    private readonly IReadOnlyList<(string Path, string Name)> _generated;
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public SourceIndex(IEnumerable<string> files)
    {
        _files = files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        _handWritten = _files.Where(f => !IsGenerated(f)).Select(f => (f, Path.GetFileNameWithoutExtension(f))).ToList();
        _generated = _files.Where(IsGenerated).Select(f => (f, Path.GetFileNameWithoutExtension(f))).ToList();
    }

    /// <summary>The C# files this index searches.</summary>
    public IReadOnlyList<string> Files => _files;

    public static SourceIndex FromListFile(string? listFile)
    {
        if (string.IsNullOrEmpty(listFile) || !File.Exists(listFile))
        {
            return new SourceIndex([]);
        }

        return new SourceIndex(File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    /// <summary>
    /// The declaration of class <paramref name="typeName"/> (simple name). Where a partial class is
    /// declared in several files, a hand-written part wins over generated parts such as <c>*.Designer.cs</c>,
    /// and among either, a file whose name matches the type is searched first.
    /// </summary>
    public SourceLocation? FindClass(string typeName)
    {
        // A hand-written declaration wins wherever it is, so the generated files (large, for a migration's
        // Designer part) are read only when no hand-written file declares the type. Called once per migration:
        // no sort and no regular expression per call, which made the lock step grow with the history.
        return FirstDeclaration(_handWritten, typeName, namedAfterType: true)
               ?? FirstDeclaration(_handWritten, typeName, namedAfterType: false)
               ?? FirstDeclaration(_generated, typeName, namedAfterType: true)
               ?? FirstDeclaration(_generated, typeName, namedAfterType: false);
    }

    /// <summary>The first declaration in the files whose name does (or does not) hold the type's name, in the build's order.</summary>
    private SourceLocation? FirstDeclaration(IReadOnlyList<(string Path, string Name)> files, string typeName, bool namedAfterType)
    {
        foreach (var (file, name) in files)
        {
            if (name.Contains(typeName, StringComparison.OrdinalIgnoreCase) != namedAfterType)
            {
                continue;
            }

            var lines = ReadLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var column = DeclarationIndex(lines[i], typeName);
                if (column >= 0 && !IsCommentedOut(lines[i], column))
                {
                    return new SourceLocation(file, i + 1, column + 1);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where <c>class Name</c> or <c>record Name</c> starts in <paramref name="line"/> (the keyword, whole words, any
    /// white space between), or -1: what <c>\b(?:class|record)\s+Name\b</c> finds first, without a regular expression.
    /// </summary>
    internal static int DeclarationIndex(string line, string typeName)
    {
        for (var at = line.IndexOf(typeName, StringComparison.Ordinal); at >= 0; at = line.IndexOf(typeName, at + 1, StringComparison.Ordinal))
        {
            var end = at + typeName.Length;
            if ((end < line.Length && IsWordCharacter(line[end])) || at == 0 || !char.IsWhiteSpace(line[at - 1]))
            {
                continue;
            }

            var keywordEnd = at - 1;
            while (keywordEnd >= 0 && char.IsWhiteSpace(line[keywordEnd]))
            {
                keywordEnd--;
            }

            foreach (var keyword in DeclarationKeywords)
            {
                var start = keywordEnd + 1 - keyword.Length;
                if (start >= 0 && string.CompareOrdinal(line, start, keyword, 0, keyword.Length) == 0
                    && (start == 0 || !IsWordCharacter(line[start - 1])))
                {
                    return start;
                }
            }
        }

        return -1;
    }

    private static readonly string[] DeclarationKeywords = ["class", "record"];

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;

    /// <summary>The lines of a file, cached; empty when the file cannot be read.</summary>
    public string[] ReadLines(string file)
    {
        if (!_lines.TryGetValue(file, out var lines))
        {
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (IOException)
            {
                lines = [];
            }
            catch (UnauthorizedAccessException)
            {
                lines = [];
            }

            _lines[file] = lines;
        }

        return lines;
    }

    private static bool IsGenerated(string file)
        => file.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
           || file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase);

    private static bool IsCommentedOut(string line, int index)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 && comment < index;
    }
}
