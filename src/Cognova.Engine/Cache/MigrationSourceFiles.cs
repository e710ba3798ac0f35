using System.Security.Cryptography;
using System.Text;
using Cognova.Engine.Sources;

namespace Cognova.Engine.Cache;

/// <summary>
/// The source files of a migration class, with a hash of their content: the migration and its
/// <c>.Designer.cs</c> (EF Core names both after the migration), or wherever else the class is declared.
/// A file whose size and write time are those of the last check takes its hash from <paramref name="memo"/>
/// without being read.
/// </summary>
internal sealed class MigrationSourceFiles(SourceIndex sources, SourceHashMemo memo)
{
    private readonly Dictionary<string, Content> _contents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _hashes = new(StringComparer.Ordinal);
    private readonly (string Path, string Name)[] _files = sources.Files.Select(f => (f, Path.GetFileName(f))).ToArray();

    /// <summary>
    /// The files named as EF Core names a migration's (<c>&lt;id&gt;.cs</c>, <c>&lt;id&gt;.Designer.cs</c>, whose name
    /// ends with <c>_&lt;class&gt;</c>), and any other file whose name holds the class name and that declares the
    /// class; when there are none, every file that declares the class. Empty when the class is not found: such
    /// a migration is never taken from the cache. Reads files through its own cache only, so that it can run
    /// beside other users of the <see cref="SourceIndex"/>.
    /// </summary>
    public IReadOnlyList<string> Of(string className)
    {
        var files = new List<string>();
        foreach (var (file, name) in _files)
        {
            if (!name.Contains(className, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (IsNamedAfter(name, className) || Declares(file, className))
            {
                files.Add(file);
            }
        }

        if (files.Count == 0)
        {
            files.AddRange(sources.Files.Where(f => Declares(f, className)));
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Whether the file declares the class anywhere (the whole text: the keyword and the name may sit on two lines).</summary>
    private bool Declares(string file, string className)
        => Read(file).Bytes is { } bytes && SourceIndex.DeclarationIndex(Encoding.UTF8.GetString(bytes), className) >= 0;

    /// <summary>Keeps the hashes of this run for the next (see <see cref="SourceHashMemo.Save"/>).</summary>
    public void SaveHashes(HostLog log) => memo.Save(log);

    /// <summary>SHA-256 of the file's bytes, or null when it cannot be read.</summary>
    public string? Hash(string file)
    {
        if (!_hashes.TryGetValue(file, out var hash))
        {
            if (!_contents.TryGetValue(file, out var content))
            {
                // The stamp looked up in the memo is the one the content is read under (taken before the read).
                var stamp = FileStamp.Of(file);
                hash = stamp is { } known ? memo.Find(file, known) : null;
                content = hash is null ? ReadUnder(file, stamp) : default;
            }

            if (hash is null && content.Bytes is { } bytes)
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
                memo.Remember(file, content.Stamp, hash, content.ReadAtUtc);
            }

            _hashes[file] = hash;
        }

        return hash;
    }

    private static bool IsNamedAfter(string fileName, string className)
    {
        var name = fileName.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) ? fileName[..^".Designer.cs".Length]
            : fileName.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) ? fileName[..^".cs".Length]
            : fileName;
        return name.Equals(className, StringComparison.Ordinal) || name.EndsWith("_" + className, StringComparison.Ordinal);
    }

    /// <summary>The file's bytes (null when it cannot be read), with its stamp taken just before they were read.</summary>
    private Content Read(string file)
        => _contents.TryGetValue(file, out var content) ? content : ReadUnder(file, FileStamp.Of(file));

    /// <summary>Reads the file, whose <paramref name="stamp"/> was just taken, and keeps what it read.</summary>
    private Content ReadUnder(string file, FileStamp? stamp)
    {
        var readAt = DateTime.UtcNow;
        byte[]? bytes;
        try
        {
            bytes = stamp is null ? null : File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bytes = null;
        }

        var content = new Content(stamp ?? default, readAt, bytes);
        _contents[file] = content;
        return content;
    }

    private readonly record struct Content(FileStamp Stamp, DateTime ReadAtUtc, byte[]? Bytes);
}
