using Cognova.Build.Testing;

namespace Cognova.Build.EndToEnd.Tests;

/// <summary>
/// The TypeScript types as a user meets them in <c>dotnet build</c>: written by the check's own engine run,
/// untouched by a no-op build, compared (never written) in CI, where a stale file is COG6001.
/// </summary>
public sealed class TypeScriptTypesBuildTests
{
    private const string Output = "web/src/db.types.ts";

    private static LocalPackageFeed Feed => LocalPackageFeed.Instance;

    [Fact]
    public void The_build_writes_the_types_once_and_CI_fails_on_a_stale_file_naming_the_members()
    {
        using var project = TestProject.FromFixture("Shop", Feed);
        project.SetProperty("CognovaTypeScriptOutput", Output);

        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(1, project.HostStarts);
        var written = File.ReadAllBytes(project.PathOf(Output));
        Assert.Contains("export interface NewProduct {", project.Read(Output));
        // Product.Price is numeric(10,2): a JSON number JavaScript holds exactly, so no COG6002.
        Assert.DoesNotContain(first.Diagnostics, d => d.Code.StartsWith("COG6", StringComparison.Ordinal));

        // Nothing changed: the engine does not start, and the file is not touched.
        var before = File.GetLastWriteTimeUtc(project.PathOf(Output));
        var noop = project.Build();
        Assert.True(noop.ExitCode == 0, noop.ToString());
        Assert.Equal(1, project.HostStarts);
        Assert.Equal(before, File.GetLastWriteTimeUtc(project.PathOf(Output)));

        // A deleted file is written again, byte for byte.
        project.Delete(Output);
        Assert.Equal(0, project.Build().ExitCode);
        Assert.Equal(2, project.HostStarts);
        Assert.Equal(written, File.ReadAllBytes(project.PathOf(Output)));

        // A CRLF checkout of an up-to-date file is up to date in CI.
        project.Write(Output, project.Read(Output).Replace("\n", "\r\n", StringComparison.Ordinal));
        var crlf = project.Build("-p:ContinuousIntegrationBuild=true");
        Assert.True(crlf.ExitCode == 0, crlf.ToString());
        Assert.Empty(crlf.WithCode("COG6001"));

        // The JSON contract changes without regenerating: CI compares, fails naming the members, and writes nothing.
        project.Write(Output, System.Text.Encoding.UTF8.GetString(written));
        project.Replace("Model.cs", "    public required string Name { get; set; }\n\n    public decimal Price", "    [System.Text.Json.Serialization.JsonPropertyName(\"title\")]\n    public required string Name { get; set; }\n\n    public decimal Price");
        var ci = project.Build("-p:ContinuousIntegrationBuild=true");
        Assert.True(ci.ExitCode != 0, ci.ToString());
        var stale = ci.Single("COG6001");
        Assert.Equal(project.PathOf(Output), stale.File);
        Assert.Contains("Product.title: missing", stale.Message);
        Assert.Contains("Product.name: no longer in the model", stale.Message);
        Assert.Contains("NewProduct.title: missing", stale.Message);
        Assert.Contains("dotnet cognova types", stale.Message);
        Assert.Equal(written, File.ReadAllBytes(project.PathOf(Output)));

        // A local build regenerates it; CI then passes.
        Assert.Equal(0, project.Build().ExitCode);
        Assert.Contains("  title: string;", project.Read(Output));
        var fixedCi = project.Build("-p:ContinuousIntegrationBuild=true");
        Assert.True(fixedCi.ExitCode == 0, fixedCi.ToString());
    }

    /// <summary>
    /// The DbContext lives in a class library that checks itself (it has a design-time factory); the web project
    /// that serves the JSON has the types, named by its own JSON settings (snake_case here).
    /// </summary>
    [Fact]
    public void The_application_types_a_library_context_that_checks_itself_with_its_own_json_settings()
    {
        using var solution = TestSolution.FromFixture("Layered", Feed);
        solution.Write("Shop.Data/ShopContextFactory.cs", """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Design;

            namespace Shop.Data;

            public sealed class ShopContextFactory : IDesignTimeDbContextFactory<ShopContext>
            {
                public ShopContext CreateDbContext(string[] args)
                    => new(new DbContextOptionsBuilder<ShopContext>().UseNpgsql("Host=db.invalid;Database=shop;Username=shop").Options);
            }

            """);
        solution.Replace("Shop.Api/Shop.Api.csproj", "<ImplicitUsings>enable</ImplicitUsings>", "<ImplicitUsings>enable</ImplicitUsings>\n    <CognovaTypeScriptOutput>../web/db.types.ts</CognovaTypeScriptOutput>");
        solution.Replace("Shop.Api/Program.cs", "var app = builder.Build();", "builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);\n\nvar app = builder.Build();");

        var build = solution.Build("Shop.Api/Shop.Api.csproj");

        Assert.True(build.ExitCode == 0, build.ToString());
        var types = solution.Read("web/db.types.ts");
        Assert.Contains("export interface Product {", types);
        Assert.Contains("  category_id: number | null;", types);
        Assert.Contains("export interface NewOrder {", types);
        Assert.False(File.Exists(solution.PathOf("Shop.Data/web/db.types.ts")), "the library writes no types of its own");
    }
}
