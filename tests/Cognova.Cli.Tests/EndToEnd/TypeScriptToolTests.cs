using Cognova.Migrations.Tooling;

namespace Cognova.Cli.Tests.EndToEnd;

/// <summary>
/// <c>dotnet cognova types</c> through the installed tool on the Store fixture: writes the file, finds it current
/// with <c>--check</c>, and with <c>--check</c> refuses a stale one (COG6001, exit code 6) without touching it.
/// No database is involved.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TypeScriptToolTests(BuiltStore store)
{
    [Fact]
    public void Types_writes_the_file_and_check_tells_a_current_file_from_a_stale_one()
    {
        var path = Path.Combine(store.Project.Root, "web", "shop.types.ts");

        var write = store.Tool("types", "--output", path);

        write.AssertExit(ExitCodes.Success);
        var written = File.ReadAllText(path);
        Assert.Contains("export interface Product {", written, StringComparison.Ordinal);
        Assert.Contains("export interface NewProduct {", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", written, StringComparison.Ordinal);

        store.Tool("types", "--check", "--output", path).AssertExit(ExitCodes.Success);

        var stale = written.Replace("export interface Product {", "export interface Product {\n  retired: boolean;", StringComparison.Ordinal);
        File.WriteAllText(path, stale);
        var check = store.Tool("types", "--check", "--output", path);

        check.AssertExit(ExitCodes.ChecksFailed);
        Assert.Contains("COG6001", check.All, StringComparison.Ordinal);
        Assert.Contains("Product.retired", check.All, StringComparison.Ordinal);
        Assert.Equal(stale, File.ReadAllText(path));
    }

    [Fact]
    public void Types_without_an_output_says_where_to_set_one()
    {
        var result = store.Tool("types");

        result.AssertExit(ExitCodes.UsageError);
        Assert.Contains("<CognovaTypeScriptOutput>", result.All, StringComparison.Ordinal);
    }
}
