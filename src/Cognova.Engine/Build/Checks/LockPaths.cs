using Cognova.Engine.DesignTime;
using Cognova.Engine.Sources;

namespace Cognova.Engine.Build.Checks;

/// <summary>Where a DbContext's lock file is, and which project holds its migrations.</summary>
internal static class LockPaths
{
    /// <summary><c>CognovaLockFile</c> (relative to the project) when set, else beside the model snapshot, else in the project folder.</summary>
    public static string For(string? configured, ProjectInfo project, SourceLocation? snapshot)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(Path.Combine(project.ProjectDirectory, configured));
        }

        var directory = snapshot is null || snapshot.File == project.ProjectFile ? project.ProjectDirectory : Path.GetDirectoryName(snapshot.File)!;
        return Path.Combine(directory, CheckSettings.DefaultLockFileName);
    }

    /// <summary>The project that holds the migrations: a referenced project (a class library) or this one.</summary>
    public static string MigrationsProjectOf(ProjectInfo project, SourceLocation? snapshot)
        => snapshot is null ? project.ProjectFile : project.Referenced.Containing(snapshot.File)?.ProjectFile ?? project.ProjectFile;
}
