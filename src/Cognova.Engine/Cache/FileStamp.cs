namespace Cognova.Engine.Cache;

/// <summary>A file's size and last write time (UTC), read together from one look at the file.</summary>
internal readonly record struct FileStamp(long Length, DateTime WrittenUtc)
{
    /// <summary>The stamp, or null when the file does not exist or cannot be looked at.</summary>
    public static FileStamp? Of(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
