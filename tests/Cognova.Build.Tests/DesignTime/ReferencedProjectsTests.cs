using Cognova.Engine.DesignTime;

namespace Cognova.Build.Tests.DesignTime;

public sealed class ReferencedProjectsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-refs-").FullName;

    [Fact]
    public void A_project_listed_as_checking_itself_keeps_that_and_a_file_belongs_to_the_deepest_project_folder()
    {
        var list = Path.Combine(_directory, "App.cognova.references");
        File.WriteAllLines(list, ["/src/Shop.Data/Shop.Data.csproj|true", "/src/Shop.Data/Shop.Data.csproj|false", "/src/Shop.Data/Inner/Inner.csproj|false", ""]);

        var references = ReferencedProjects.FromListFile(list);

        Assert.Equal([("/src/Shop.Data/Shop.Data.csproj", true), ("/src/Shop.Data/Inner/Inner.csproj", false)], references.Projects.Select(p => (p.ProjectFile, p.ChecksItself)));
        Assert.Equal("/src/Shop.Data/Shop.Data.csproj", references.Containing("/src/Shop.Data/Migrations/Snapshot.cs")?.ProjectFile);
        Assert.Equal("/src/Shop.Data/Inner/Inner.csproj", references.Containing("/src/Shop.Data/Inner/X.cs")?.ProjectFile);
        Assert.Null(references.Containing("/src/Shop.DataExtra/X.cs"));
        Assert.Null(references.Containing("/src/Shop.Api/Program.cs"));
    }

    [Fact]
    public void No_list_file_means_no_referenced_projects()
        => Assert.Empty(ReferencedProjects.FromListFile(Path.Combine(_directory, "missing")).Projects);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
