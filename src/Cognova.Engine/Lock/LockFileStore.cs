namespace Cognova.Engine.Lock;

/// <summary>
/// The lock files one run reads, each loaded once (several DbContexts may share a folder and so a
/// file), and written at the end only when something changed. A read-only store (CI or locked mode)
/// never writes, whatever asks it to.
/// </summary>
public sealed class LockFileStore(bool readOnly = false)
{
    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);

    public bool ReadOnly { get; } = readOnly;

    /// <summary>The lock file at <paramref name="path"/> (empty when it does not exist yet).</summary>
    /// <exception cref="LockFileFormatException">The file exists but cannot be read; thrown once per file, then null.</exception>
    public LockFile? Get(string path)
    {
        path = Path.GetFullPath(path);
        if (_files.TryGetValue(path, out var known))
        {
            return known.File;
        }

        try
        {
            var file = File.Exists(path) || Directory.Exists(path) ? LockFileSerializer.Read(path) : new LockFile();
            _files[path] = new Entry(file);
            return file;
        }
        catch (LockFileFormatException)
        {
            _files[path] = new Entry(null);
            throw;
        }
    }

    public void MarkChanged(string path)
    {
        if (!ReadOnly)
        {
            _files[Path.GetFullPath(path)].Changed = true;
        }
    }

    /// <summary>Every lock file this run used, for the build's incremental inputs.</summary>
    public IEnumerable<string> Paths => _files.Keys;

    /// <summary>Writes every changed lock file, upgraded to the current version; returns their paths. A read-only store writes nothing.</summary>
    /// <exception cref="LockFileWriteException">A file could not be written; the ones before it were.</exception>
    public IReadOnlyList<string> SaveChanged()
    {
        var saved = new List<string>();
        if (ReadOnly)
        {
            return saved;
        }

        foreach (var (path, entry) in _files.Where(f => f.Value.Changed && f.Value.File is not null))
        {
            Write(path, entry.File!);
            entry.Changed = false;
            saved.Add(path);
        }

        return saved;
    }

    /// <summary>Every lock file marked changed and not saved yet, with its content; none in a read-only store.</summary>
    public IReadOnlyList<(string Path, LockFile File)> Changed
        => ReadOnly ? [] : _files.Where(f => f.Value.Changed && f.Value.File is not null).Select(f => (f.Key, f.Value.File!)).ToList();

    /// <summary>Writes <paramref name="file"/> at <paramref name="path"/>, upgraded to the current version.</summary>
    /// <exception cref="LockFileWriteException">The file could not be written.</exception>
    public static void Write(string path, LockFile file)
    {
        LockUpgrade.ToCurrentVersion(file);
        try
        {
            LockFileSerializer.Write(path, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LockFileWriteException(path, ex.Message);
        }
    }

    private sealed class Entry(LockFile? file)
    {
        public LockFile? File { get; } = file;

        public bool Changed { get; set; }
    }
}
