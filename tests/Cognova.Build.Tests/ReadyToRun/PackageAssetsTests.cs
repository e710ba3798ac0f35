using Cognova.Engine.ReadyToRun;

namespace Cognova.Build.Tests.ReadyToRun;

public sealed class PackageAssetsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "cognova-deps-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Only_the_runtime_files_of_packages_count_not_projects_or_references()
    {
        File.WriteAllText(_file, """
            {
              "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" },
              "targets": {
                ".NETCoreApp,Version=v10.0": {
                  "Api/1.0.0": { "dependencies": { "Data": "1.0.0" }, "runtime": { "Api.dll": {} } },
                  "Data/1.0.0": { "runtime": { "Data.dll": {} } },
                  "Npgsql/10.0.3": { "runtime": { "lib/net10.0/Npgsql.dll": { "assemblyVersion": "10.0.3.0" } } },
                  "Microsoft.EntityFrameworkCore/10.0.15": { "runtime": { "lib/net10.0/Microsoft.EntityFrameworkCore.dll": {} } },
                  "Humanizer.Core/2.14.1": { "runtime": { "lib/net6.0/Humanizer.dll": {} }, "resources": { "lib/net6.0/de/Humanizer.resources.dll": { "locale": "de" } } },
                  "Legacy.Library": { "runtime": { "Legacy.dll": {} } }
                }
              },
              "libraries": {
                "Api/1.0.0": { "type": "project" },
                "Data/1.0.0": { "type": "project" },
                "Npgsql/10.0.3": { "type": "package" },
                "Microsoft.EntityFrameworkCore/10.0.15": { "type": "package" },
                "Humanizer.Core/2.14.1": { "type": "package" },
                "Legacy.Library": { "type": "reference" }
              }
            }
            """);

        var names = PackageAssets.Read(_file);

        Assert.Equal(["Humanizer", "Microsoft.EntityFrameworkCore", "Npgsql"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_deps_file_without_targets_names_no_package()
    {
        File.WriteAllText(_file, """{ "libraries": {} }""");

        Assert.Empty(PackageAssets.Read(_file));
    }
}
