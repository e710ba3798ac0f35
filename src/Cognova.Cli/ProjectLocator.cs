namespace Cognova.Cli;

/// <summary>Finds the project a command works on, as <c>dotnet ef</c> does: <c>--project</c> (a file or a folder), else the current folder.</summary>
public static class ProjectLocator
{
    public static string Find(string? given, string currentDirectory)
    {
        var path = Path.GetFullPath(given ?? ".", currentDirectory);
        if (File.Exists(path))
        {
            return path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
                ? path
                : throw new CommandLineException($"'{given}' is not a project file (.csproj).");
        }

        if (!Directory.Exists(path))
        {
            throw new CommandLineException($"There is no project or folder '{given}'.");
        }

        var projects = Directory.GetFiles(path, "*.*proj").Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase)).ToList();
        return projects.Count switch
        {
            1 => projects[0],
            0 => throw new CommandLineException(
                $"No project file in {path}. Run dotnet cognova in the project's folder, or say which: --project <path/to/App.csproj>."),
            _ => throw new CommandLineException(
                $"{path} has {projects.Count} project files ({string.Join(", ", projects.Select(Path.GetFileName))}): say which with --project."),
        };
    }
}
