namespace Cognova.Build.Design.DesignTime;

/// <summary>What the build tells the host about the project being checked.</summary>
public sealed record ProjectInfo(string ProjectFile, string ProjectDirectory, string? RootNamespace);
