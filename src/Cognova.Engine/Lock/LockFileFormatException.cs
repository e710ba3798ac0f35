namespace Cognova.Engine.Lock;

/// <summary>The lock file cannot be read; <see cref="Line"/> and <see cref="Column"/> are 1-based, 0 when unknown.</summary>
public sealed class LockFileFormatException(string message, int line = 0, int column = 0) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
