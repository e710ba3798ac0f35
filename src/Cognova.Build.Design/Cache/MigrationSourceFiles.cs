using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cognova.Build.Design.Sources;

namespace Cognova.Build.Design.Cache;

/// <summary>
/// The source files of a migration class, with a hash of their content: the migration and its
/// <c>.Designer.cs</c> (EF Core names both after the migration), or wherever else the class is declared.
/// </summary>
internal sealed class MigrationSourceFiles(SourceIndex sources)
{
    private readonly Dictionary<string, byte[]?> _contents = new(StringComparer.Ordinal);

    /// <summary>
    /// The files that declare class <paramref name="className"/> among those whose name holds the class
    /// name; when none does, the one <see cref="SourceIndex.FindClass"/> finds. Empty when the class is not
    /// found: such a migration is never taken from the cache.
    /// </summary>
    public IReadOnlyList<string> Of(string className)
    {
        var declaration = new Regex(@"\b(?:class|record)\s+" + Regex.Escape(className) + @"\b", RegexOptions.CultureInvariant);
        var files = sources.Files
            .Where(f => Path.GetFileName(f).Contains(className, StringComparison.OrdinalIgnoreCase))
            .Where(f => Read(f) is { } bytes && declaration.IsMatch(Encoding.UTF8.GetString(bytes)))
            .ToList();
        if (files.Count == 0 && sources.FindClass(className) is { } location)
        {
            files.Add(location.File);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>SHA-256 of the file's bytes, or null when it cannot be read.</summary>
    public string? Hash(string file)
        => Read(file) is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;

    private byte[]? Read(string file)
    {
        if (!_contents.TryGetValue(file, out var bytes))
        {
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                bytes = null;
            }

            _contents[file] = bytes;
        }

        return bytes;
    }
}
