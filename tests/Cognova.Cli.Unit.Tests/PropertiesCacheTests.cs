namespace Cognova.Cli.Unit.Tests;

public sealed class PropertiesCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cognova-cache-").FullName;

    [Fact]
    public void The_properties_are_reused_until_the_project_or_its_restore_output_changes()
    {
        var project = Path.Combine(_folder, "App.csproj");
        File.WriteAllText(project, "<Project />");
        Directory.CreateDirectory(Path.Combine(_folder, "obj"));
        File.WriteAllText(Path.Combine(_folder, "obj", "project.assets.json"), "{}");
        var options = new ProjectBuilder.Options(project, Build: false, Configuration: null, Framework: null);
        var properties = new ProjectProperties(new Dictionary<string, string> { ["TargetPath"] = "/app/bin/App.dll" });

        PropertiesCache.Write(options, properties);
        var reused = PropertiesCache.TryRead(options);
        var otherConfiguration = PropertiesCache.TryRead(options with { Configuration = "Release" });
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "obj", "project.assets.json"), DateTime.UtcNow.AddMinutes(1));
        var afterRestore = PropertiesCache.TryRead(options);

        Assert.Equal("/app/bin/App.dll", reused?.TargetPath);
        Assert.Null(otherConfiguration);
        Assert.Null(afterRestore);
    }

    [Fact]
    public void A_new_directory_build_file_above_the_project_invalidates_the_cache()
    {
        var project = Path.Combine(_folder, "src", "App.csproj");
        Directory.CreateDirectory(Path.Combine(_folder, "src", "obj"));
        File.WriteAllText(project, "<Project />");
        var options = new ProjectBuilder.Options(project, Build: false, Configuration: null, Framework: null);
        PropertiesCache.Write(options, new ProjectProperties(new Dictionary<string, string> { ["TargetPath"] = "x" }));

        File.WriteAllText(Path.Combine(_folder, "Directory.Build.props"), "<Project />");

        Assert.Null(PropertiesCache.TryRead(options));
    }

    [Fact]
    public void Without_an_obj_folder_nothing_is_cached()
    {
        var project = Path.Combine(_folder, "App.csproj");
        File.WriteAllText(project, "<Project />");
        var options = new ProjectBuilder.Options(project, Build: false, Configuration: null, Framework: null);

        PropertiesCache.Write(options, new ProjectProperties(new Dictionary<string, string>()));

        Assert.Null(PropertiesCache.TryRead(options));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
