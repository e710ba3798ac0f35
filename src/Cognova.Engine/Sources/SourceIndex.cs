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
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public SourceIndex(IEnumerable<string> files)
    {
        _files = files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
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
    /// declared in several files, a file whose name matches the type wins over generated parts
    /// such as <c>*.Designer.cs</c>.
    /// </summary>
    public SourceLocation? FindClass(string typeName)
    {
        var pattern = new Regex(@"\b(?:class|record)\s+" + Regex.Escape(typeName) + @"\b", RegexOptions.CultureInvariant);
        SourceLocation? fallback = null;
        foreach (var file in OrderForType(typeName))
        {
            var lines = ReadLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = pattern.Match(lines[i]);
                if (!match.Success || IsCommentedOut(lines[i], match.Index))
                {
                    continue;
                }

                var location = new SourceLocation(file, i + 1, match.Index + 1);
                if (!IsGenerated(file))
                {
                    return location;
                }

                fallback ??= location;
                break;
            }
        }

        return fallback;
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

    private IEnumerable<string> OrderForType(string typeName)
        => _files.OrderByDescending(f => Path.GetFileNameWithoutExtension(f).Contains(typeName, StringComparison.OrdinalIgnoreCase));

    private static bool IsGenerated(string file)
        => file.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase)
           || file.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase);

    private static bool IsCommentedOut(string line, int index)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 && comment < index;
    }
}
