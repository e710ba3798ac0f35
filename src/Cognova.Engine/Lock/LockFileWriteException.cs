namespace Cognova.Engine.Lock;

/// <summary>A changed lock file could not be written (a read-only folder, a path under a file, a full disk).</summary>
public sealed class LockFileWriteException(string path, string message) : Exception(message)
{
    public string Path { get; } = path;
}
