extern alias tool;
using Cognova.Build.Testing;
using Cognova.Migrations.Tooling;
using tool::Cognova.Model;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova model</c> through the installed tool: the model description of the Store fixture
/// (standard output and <c>--output</c>), of a project with two DbContexts, and of the layered solution's
/// library through its startup project. No database is involved.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ModelDescriptionTests(BuiltStore store)
{
    [Fact]
    public void Model_writes_the_description_of_the_store_to_standard_output()
    {
        var result = store.Tool("model");

        result.AssertExit(ExitCodes.Success);
        var description = ModelDescription.FromJson(result.Output);
        Assert.Equal(ModelDescription.FormatVersion, description.Format);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", description.Provider);
        var context = Assert.Single(description.Contexts);
        Assert.Equal("ShopContext", context.Name);
        Assert.Equal("Store.ShopContext", context.FullName);
        Assert.Equal(["categories", "orders", "products"], context.Entities.Select(e => e.Table));

        var products = context.Entities.Single(e => e.Table == "products");
        var price = products.Properties.Single(p => p.Name == "Price");
        Assert.Equal(("price", "numeric(10,2)", "decimal"), (price.Column, price.StoreType, price.ClrType));
        Assert.True(products.Properties.Single(p => p.Name == "Description").IsNullable);
        var toProduct = context.Entities.Single(e => e.Table == "orders").ForeignKeys.Single();
        Assert.Equal(("products", "Restrict"), (toProduct.PrincipalTable, toProduct.OnDelete));
    }

    [Fact]
    public void Model_with_output_writes_the_same_json_to_the_file()
    {
        var path = Path.Combine(store.Project.Root, "model", "shop.json");

        var toFile = store.Tool("model", "--output", path);
        var toStandardOutput = store.Tool("model");

        toFile.AssertExit(ExitCodes.Success);
        Assert.Contains($"Wrote {path} (1 DbContext, 3 entity types).", toFile.Output);
        Assert.Equal(toStandardOutput.Output, File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Model_describes_every_context_of_the_project_unless_context_names_one()
    {
        using var project = TestProject.FromFixture("TwoContexts");

        var every = InstalledTool.Instance.Run(project.Directory, "model");
        var one = InstalledTool.Instance.Run(project.Directory, "model", "--context", "AuditContext", "--no-build");

        every.AssertExit(ExitCodes.Success);
        Assert.Equal(["AuditContext", "CatalogContext"], ModelDescription.FromJson(every.Output).Contexts.Select(c => c.Name));
        Assert.Equal(["audit_entries"], ModelDescription.FromJson(every.Output).Contexts[0].Entities.Select(e => e.Table));
        one.AssertExit(ExitCodes.Success);
        Assert.Equal(["AuditContext"], ModelDescription.FromJson(one.Output).Contexts.Select(c => c.Name));
    }

    [Fact]
    public void Model_describes_the_library_context_through_the_startup_project()
    {
        using var solution = TestSolution.FromFixture("Layered", LocalPackageFeed.Instance);

        var result = InstalledTool.Instance.Run(solution.Root, "model", "-p", "Shop.Data", "-s", "Shop.Api");

        result.AssertExit(ExitCodes.Success);
        var context = Assert.Single(ModelDescription.FromJson(result.Output).Contexts);
        Assert.Equal("Shop.Data.ShopContext", context.FullName);
        Assert.Equal(["categories", "orders", "products"], context.Entities.Select(e => e.Table));
    }
}
