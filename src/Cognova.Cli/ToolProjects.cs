namespace Cognova.Cli;

/// <summary>
/// The projects a command works on, as <c>dotnet ef</c> names them: <c>--project</c> holds the DbContext's
/// migrations, <c>--startup-project</c> is the application that configures the DbContext and runs them.
/// <see cref="Startup"/> is null when the two are one project.
/// </summary>
public sealed record ToolProjects(string Project, string? Startup)
{
    public static ToolProjects Locate(string? project, string? startup, string currentDirectory)
    {
        var projectFile = ProjectLocator.Find(project, currentDirectory);
        var startupFile = startup is null ? null : ProjectLocator.Find(startup, currentDirectory);
        return new ToolProjects(projectFile, startupFile is null || startupFile == projectFile ? null : startupFile);
    }
}
