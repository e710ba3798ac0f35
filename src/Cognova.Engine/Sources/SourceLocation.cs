namespace Cognova.Engine.Sources;

/// <summary>A place in a source file, 1-based; <see cref="Line"/> is 0 when only the file is known.</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0);
