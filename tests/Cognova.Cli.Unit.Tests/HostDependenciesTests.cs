using System.Reflection;
using System.Text.Json.Nodes;

namespace Cognova.Cli.Unit.Tests;

/// <summary>
/// An application that references an older Cognova.Migrations than the tool ships gets a deps.json for the
/// host without it, so the runtime loads the tool's own copy; one with the same or a newer version keeps its own.
/// </summary>
public sealed class HostDependenciesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cognova-deps-").FullName;

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("999.0.0.0", false)]
    public void Only_an_older_copy_in_the_application_is_left_out(string applicationVersion, bool adjusted)
    {
        var host = Path.Combine(_folder, "host");
        Directory.CreateDirectory(host);
        File.Copy(ShippedMigrationsAssembly, Path.Combine(host, "Cognova.Migrations.dll"));
        var deps = Path.Combine(_folder, "App.deps.json");
        File.WriteAllText(deps, $$"""
            {
              "targets": {
                ".NETCoreApp,Version=v10.0": {
                  "App/1.0.0": { "runtime": { "App.dll": {} } },
                  "Cognova.Migrations/1.0.0": {
                    "runtime": { "lib/net10.0/Cognova.Migrations.dll": { "assemblyVersion": "{{applicationVersion}}", "fileVersion": "1.0.0.0" } }
                  }
                }
              },
              "libraries": { "App/1.0.0": { "type": "project" }, "Cognova.Migrations/1.0.0": { "type": "package" } }
            }
            """);

        var used = HostDependencies.DepsFileFor(deps, host);

        if (!adjusted)
        {
            Assert.Equal(deps, used);
            return;
        }

        Assert.NotEqual(deps, used);
        Assert.Equal(_folder, Path.GetDirectoryName(used));
        var document = JsonNode.Parse(File.ReadAllText(used));
        Assert.Null(HostDependencies.AssemblyVersionIn(document));
        Assert.NotNull(document!["targets"]![".NETCoreApp,Version=v10.0"]!["App/1.0.0"]!["runtime"]!["App.dll"]);
        Assert.True(AssemblyName.GetAssemblyName(ShippedMigrationsAssembly).Version > new Version(0, 0, 0, 0));
    }

    [Fact]
    public void An_application_without_cognova_migrations_keeps_its_deps_file()
    {
        var deps = Path.Combine(_folder, "App.deps.json");
        File.WriteAllText(deps, """{ "targets": { "x": { "App/1.0.0": { "runtime": { "App.dll": {} } } } } }""");
        var host = Path.Combine(_folder, "host");
        Directory.CreateDirectory(host);
        File.Copy(ShippedMigrationsAssembly, Path.Combine(host, "Cognova.Migrations.dll"));

        Assert.Equal(deps, HostDependencies.DepsFileFor(deps, host));
    }

    /// <summary>The Cognova.Migrations.dll the tool ships beside its design host.</summary>
    private static string ShippedMigrationsAssembly => Path.Combine(Path.GetDirectoryName(DesignHost.AssemblyPath)!, "Cognova.Migrations.dll");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
