namespace Cognova.Cli.Unit.Tests;

public sealed class ProjectPropertiesTests
{
    [Fact]
    public void Reads_the_json_msbuild_prints_and_the_one_dbcontext_the_build_checks()
    {
        var properties = ProjectProperties.Parse("""
            {
              "Properties": {
                "TargetPath": "/src/App/bin/Debug/net10.0/App.dll",
                "NuGetPackageFolders": "/home/me/.nuget/packages/;/usr/share/dotnet/sdk/NuGetFallbackFolder",
                "CognovaDbContext": " AppDbContext ",
                "RootNamespace": "App"
              }
            }
            """);

        Assert.Equal("/src/App/bin/Debug/net10.0/App.dll", properties.TargetPath);
        Assert.Equal(["/home/me/.nuget/packages/", "/usr/share/dotnet/sdk/NuGetFallbackFolder"], properties.PackageFolders);
        Assert.Equal("AppDbContext", properties.DefaultContext);
        Assert.Equal("", properties["CognovaLockFile"]);
    }

    [Fact]
    public void Several_checked_contexts_name_no_default()
        => Assert.Null(ProjectProperties.Parse("""{"Properties":{"CognovaDbContext":"A;B"}}""").DefaultContext);

    [Fact]
    public void A_project_with_several_frameworks_or_without_runtime_files_is_explained()
    {
        var multi = ProjectProperties.Parse("""{"Properties":{"MSBuildProjectFullPath":"/a/App.csproj","TargetFrameworks":"net9.0;net10.0"}}""");
        var library = new ProjectProperties(new Dictionary<string, string>
        {
            ["MSBuildProjectFullPath"] = "/a/Data.csproj",
            ["TargetPath"] = typeof(ProjectPropertiesTests).Assembly.Location,
            ["ProjectRuntimeConfigFilePath"] = "/nowhere/Data.runtimeconfig.json",
        });

        Assert.Contains("--framework", multi.Problem());
        Assert.Contains("<GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>", library.Problem());
    }

    [Fact]
    public void The_project_is_the_one_in_the_folder_or_the_one_named()
    {
        var folder = Directory.CreateTempSubdirectory("cognova-locator-").FullName;
        try
        {
            Assert.Contains("No project file", Assert.Throws<CommandLineException>(() => ProjectLocator.Find(null, folder)).Message);
            File.WriteAllText(Path.Combine(folder, "App.csproj"), "<Project />");
            Assert.Equal(Path.Combine(folder, "App.csproj"), ProjectLocator.Find(null, folder));
            Assert.Equal(Path.Combine(folder, "App.csproj"), ProjectLocator.Find("App.csproj", folder));
            File.WriteAllText(Path.Combine(folder, "Other.csproj"), "<Project />");
            Assert.Contains("say which with --project", Assert.Throws<CommandLineException>(() => ProjectLocator.Find(folder, "/")).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
