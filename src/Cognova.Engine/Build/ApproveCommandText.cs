namespace Cognova.Engine.Build;

/// <summary>The project argument of the approve command a finding prints: the path a user types from where they built.</summary>
internal static class ApproveCommandText
{
    public static string ProjectArgument(string projectFile)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, projectFile);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(projectFile) && relative.Count(c => c == Path.DirectorySeparatorChar) > 3
            ? projectFile
            : relative;
        return (shown.Contains(' ') ? $"\"{shown}\"" : shown) + " ";
    }
}
