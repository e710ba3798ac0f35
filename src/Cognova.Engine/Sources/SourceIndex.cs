using System.Text.RegularExpressions;

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
        // Designer part) are read only when no hand-written file declares the type.
        var pattern = new Regex(@"\b(?:class|record)\s+" + Regex.Escape(typeName) + @"\b", RegexOptions.CultureInvariant);
        return FirstDeclaration(OrderForType(_handWritten, typeName), pattern)
               ?? FirstDeclaration(OrderForType(_generated, typeName), pattern);
    }

    private SourceLocation? FirstDeclaration(IEnumerable<string> files, Regex pattern)
    {
        foreach (var file in files)
        {
            var lines = ReadLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = pattern.Match(lines[i]);
                if (match.Success && !IsCommentedOut(lines[i], match.Index))
                {
                    return new SourceLocation(file, i + 1, match.Index + 1);
                }
            }
        }

        return null;
    }

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

    /// <summary>The files named after the type first, each group in the build's order.</summary>
    private static IEnumerable<string> OrderForType(IReadOnlyList<(string Path, string Name)> files, string typeName)
        => files.OrderByDescending(f => f.Name.Contains(typeName, StringComparison.OrdinalIgnoreCase)).Select(f => f.Path);

    private static bool IsGenerated(string file)
        => file.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
           || file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase);

    private static bool IsCommentedOut(string line, int index)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 && comment < index;
    }
}
