namespace Cognova.Engine.DesignTime;

/// <summary>What the build tells the host about the project being checked.</summary>
/// <param name="IsLibrary">The project is a class library: it has no start-up code of its own to configure a DbContext.</param>
/// <param name="References">The projects it references, where a DbContext and its migrations may live.</param>
public sealed record ProjectInfo(string ProjectFile, string ProjectDirectory, string? RootNamespace, bool IsLibrary = false, ReferencedProjects? References = null)
{
    public ReferencedProjects Referenced => References ?? ReferencedProjects.None;
}
