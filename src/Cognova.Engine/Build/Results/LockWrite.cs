using Cognova.Engine.Lock;

namespace Cognova.Engine.Build.Results;

/// <summary>A lock file the check changed (migrations appended, approvals recorded), to be written at <see cref="Path"/>.</summary>
public sealed record LockWrite(string Path, LockFile File);
