namespace Cognova.Engine.DesignTime;

/// <summary>
/// The projects a startup project references (<c>dotnet ef --project Data --startup-project Api</c>):
/// a DbContext and its migrations often live in one of them. The build lists them, one per line,
/// as <c>&lt;project file&gt;|&lt;true when that project runs the checks itself&gt;</c>.
/// </summary>
public sealed class ReferencedProjects
{
    public static readonly ReferencedProjects None = new([]);

    private readonly IReadOnlyList<ReferencedProject> _projects;

    public ReferencedProjects(IReadOnlyList<ReferencedProject> projects) => _projects = projects;

    public IReadOnlyList<ReferencedProject> Projects => _projects;

    public static ReferencedProjects FromListFile(string? listFile)
    {
        if (string.IsNullOrEmpty(listFile) || !File.Exists(listFile))
        {
            return None;
        }

        var projects = new List<ReferencedProject>();
        foreach (var line in File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var parts = line.Split('|');
            var file = Path.GetFullPath(parts[0]);
            if (projects.All(p => p.ProjectFile != file))
            {
                projects.Add(new ReferencedProject(file, parts.Length > 1 && string.Equals(parts[1].Trim(), "true", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return new ReferencedProjects(projects);
    }

    /// <summary>The referenced project whose folder holds <paramref name="file"/>, or null.</summary>
    public ReferencedProject? Containing(string file)
    {
        var full = Path.GetFullPath(file);
        return _projects
            .Where(p => full.StartsWith(p.ProjectDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(p => p.ProjectDirectory.Length)
            .FirstOrDefault();
    }
}

/// <param name="ChecksItself">The project references Cognova.Build itself, so its own build checks what it can create alone.</param>
public sealed record ReferencedProject(string ProjectFile, bool ChecksItself)
{
    public string ProjectDirectory => Path.GetDirectoryName(ProjectFile)!;
}
