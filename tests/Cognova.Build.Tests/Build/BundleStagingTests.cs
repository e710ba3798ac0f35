using System.Text.Json.Nodes;
using Cognova.Engine.Build;

namespace Cognova.Build.Tests.Build;

public sealed class BundleStagingTests : IDisposable
{
    private const string Deps = """
        {
          "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0", "signature": "" },
          "targets": {
            ".NETCoreApp,Version=v10.0": {
              "Store/1.0.0": { "dependencies": { "Npgsql": "10.0.3" }, "runtime": { "Store.dll": {} } },
              "Npgsql/10.0.3": { "runtime": { "lib/net10.0/Npgsql.dll": { "assemblyVersion": "10.0.3.0" } } }
            }
          },
          "libraries": { "Store/1.0.0": { "type": "project", "serviceable": false, "sha512": "" } }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-bundle-").FullName;

    [Fact]
    public void Adds_the_bundle_assemblies_to_the_application_entry_of_the_deps_file()
    {
        var source = Write("Store.deps.json", Deps);
        var destination = Path.Combine(_directory, "efbundle.deps.json");

        var added = BundleStaging.WriteDepsFile(source, "Store", ["/pkg/bundle/Cognova.Bundle.dll", "/pkg/bundle/Cognova.Migrations.dll"], destination);

        Assert.Equal(["/pkg/bundle/Cognova.Bundle.dll", "/pkg/bundle/Cognova.Migrations.dll"], added);
        var runtime = JsonNode.Parse(File.ReadAllText(destination))!["targets"]![".NETCoreApp,Version=v10.0"]!["Store/1.0.0"]!["runtime"]!.AsObject();
        Assert.Equal(["Store.dll", "Cognova.Bundle.dll", "Cognova.Migrations.dll"], runtime.Select(p => p.Key));
    }

    [Fact]
    public void Keeps_the_application_own_copy_of_an_assembly_it_already_ships()
    {
        var source = Write("Store.deps.json", Deps.Replace("\"Store.dll\": {}", "\"Store.dll\": {}, \"Cognova.Migrations.dll\": {}", StringComparison.Ordinal));

        var added = BundleStaging.WriteDepsFile(source, "Store", ["/pkg/Cognova.Bundle.dll", "/pkg/Cognova.Migrations.dll"], Path.Combine(_directory, "out.json"));

        Assert.Equal(["/pkg/Cognova.Bundle.dll"], added);
    }

    [Fact]
    public void Puts_the_manifest_into_the_runtimeconfig_as_a_runtime_property()
    {
        var source = Write("Store.runtimeconfig.json", """{ "runtimeOptions": { "tfm": "net10.0", "framework": { "name": "Microsoft.NETCore.App", "version": "10.0.0" } } }""");
        var destination = Path.Combine(_directory, "efbundle.runtimeconfig.json");
        var manifest = new BundleManifest("Store", "Store.ShopContext", [new BundleManifest.LockedMigration("20240101000000_Init", "sha256:ab")]);

        BundleStaging.WriteRuntimeConfig(source, manifest, destination);

        var config = JsonNode.Parse(File.ReadAllText(destination))!["runtimeOptions"]!;
        Assert.Equal("Microsoft.NETCore.App", (string?)config["framework"]!["name"]);
        var stored = JsonNode.Parse((string)config["configProperties"]![BundleManifest.PropertyName]!)!;
        Assert.Equal(("Store", "Store.ShopContext", "sha256:ab"), ((string?)stored["application"], (string?)stored["contextType"], (string?)stored["migrations"]![0]!["sql"]));
        Assert.Equal("Store", (string?)stored["contextAssembly"]);
        Assert.False((bool?)config["configProperties"]!["System.Runtime.TieredPGO"]);
    }

    [Fact]
    public void Keeps_the_applications_own_profile_guided_jit_setting()
    {
        var source = Write("Store.runtimeconfig.json", """{ "runtimeOptions": { "tfm": "net10.0", "configProperties": { "System.Runtime.TieredPGO": true } } }""");
        var destination = Path.Combine(_directory, "efbundle.runtimeconfig.json");

        BundleStaging.WriteRuntimeConfig(source, new BundleManifest("Store", "Store.ShopContext", []), destination);

        Assert.True((bool?)JsonNode.Parse(File.ReadAllText(destination))!["runtimeOptions"]!["configProperties"]!["System.Runtime.TieredPGO"]);
    }

    [Fact]
    public void The_manifest_names_the_class_library_that_declares_the_context_of_a_layered_solution()
    {
        var manifest = new BundleManifest("Shop.Api", "Shop.Data.ShopContext", [], ContextAssembly: "Shop.Data");

        var stored = JsonNode.Parse(manifest.ToJson())!;

        Assert.Equal(("Shop.Api", "Shop.Data.ShopContext", "Shop.Data"), ((string?)stored["application"], (string?)stored["contextType"], (string?)stored["contextAssembly"]));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
