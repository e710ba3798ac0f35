using System.Text;
using System.Text.Json;

namespace Cognova.Engine.Cache;

/// <summary>
/// The SHA-256 of the source files the cache keys read, remembered from the last check with each file's size and
/// last write time: a file whose size and time are unchanged is not read and hashed again, the trust MSBuild's
/// incremental build already puts in time stamps. A hash is remembered only for a file written more than
/// <see cref="SettledAge"/> before it was read: on a file system with a coarse clock, a file written again within
/// the same tick would keep its time stamp with new content (what git calls "racily clean"). A memo file that
/// cannot be read is ignored, and every file is hashed again.
/// </summary>
internal sealed class SourceHashMemo
{
    public const string FileName = "source-hashes.json";

    /// <summary>Two seconds covers the coarsest clock a source folder may have (FAT).</summary>
    public static readonly TimeSpan SettledAge = TimeSpan.FromSeconds(2);

    private const int FormatVersion = 1;

    private readonly string? _path;
    private readonly Dictionary<string, Entry> _stored;
    private readonly Dictionary<string, Entry> _used = new(StringComparer.Ordinal);
    private bool _changed;

    private SourceHashMemo(string? path, Dictionary<string, Entry> stored)
    {
        _path = path;
        _stored = stored;
    }

    /// <summary>Remembers nothing: every file is hashed (the cache is off).</summary>
    public static SourceHashMemo None() => new(null, new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>The memo in <paramref name="directory"/>; empty when there is none or it cannot be trusted.</summary>
    public static SourceHashMemo Load(string directory, HostLog log)
    {
        var path = Path.Combine(directory, FileName);
        try
        {
            return new SourceHashMemo(path, File.Exists(path) ? Parse(File.ReadAllBytes(path)) : new Dictionary<string, Entry>(StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            log.Verbose($"{path} ignored, every source file is hashed again: {ex.Message}");
            return new SourceHashMemo(path, new Dictionary<string, Entry>(StringComparer.Ordinal)) { _changed = true };
        }
    }

    /// <summary>The files the memo has a hash of.</summary>
    public IEnumerable<string> Remembered => _stored.Keys;

    /// <summary>The hash remembered for <paramref name="file"/> when its size and write time are still <paramref name="stamp"/>.</summary>
    public string? Find(string file, FileStamp stamp)
    {
        if (!_stored.TryGetValue(file, out var entry) || entry.Length != stamp.Length || entry.WriteTicks != stamp.WrittenUtc.Ticks)
        {
            return null;
        }

        _used[file] = entry;
        return entry.Hash;
    }

    /// <summary>
    /// Records the hash of the content read at <paramref name="readAtUtc"/> from a file whose stamp was taken
    /// just before the read (a write after it shows as another stamp next time). A file written too shortly
    /// before the read is not remembered.
    /// </summary>
    public void Remember(string file, FileStamp stamp, string hash, DateTime readAtUtc)
    {
        if (readAtUtc - stamp.WrittenUtc <= SettledAge)
        {
            return;
        }

        var entry = new Entry(stamp.Length, stamp.WrittenUtc.Ticks, hash);
        _changed |= !_stored.TryGetValue(file, out var before) || before != entry;
        _used[file] = entry;
    }

    /// <summary>Writes the files used in this run, when anything changed; a memo that cannot be written is only a slower next check.</summary>
    public void Save(HostLog log)
    {
        if (_path is null || !(_changed || _stored.Keys.Any(file => !_used.ContainsKey(file))))
        {
            return;
        }

        try
        {
            AtomicFile.WriteAllText(_path, Serialize(_used));
            _stored.Clear();
            foreach (var (file, entry) in _used)
            {
                _stored[file] = entry;
            }

            _changed = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Verbose($"{_path} not written: {ex.Message}");
        }
    }

    private static Dictionary<string, Entry> Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.GetProperty("format").GetInt32() != FormatVersion)
        {
            throw new FormatException("it has another format");
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var item in root.GetProperty("files").EnumerateArray())
        {
            var path = item.GetProperty("path").GetString() ?? throw new FormatException("a path is null");
            var hash = item.GetProperty("sha256").GetString() ?? "";
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                throw new FormatException($"the hash of {path} is not a SHA-256");
            }

            if (!entries.TryAdd(path, new Entry(item.GetProperty("length").GetInt64(), item.GetProperty("written").GetInt64(), hash)))
            {
                throw new FormatException($"{path} is listed twice");
            }
        }

        return entries;
    }

    private static string Serialize(Dictionary<string, Entry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", FormatVersion);
            writer.WriteStartArray("files");
            foreach (var (path, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteNumber("length", entry.Length);
                writer.WriteNumber("written", entry.WriteTicks);
                writer.WriteString("sha256", entry.Hash);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private readonly record struct Entry(long Length, long WriteTicks, string Hash);
}
