using Cognova.Engine.Sources;

namespace Cognova.Build.Tests.Sources;

public sealed class SourceIndexTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-sources-").FullName;

    [Fact]
    public void Finds_the_line_and_column_of_a_class_declaration()
    {
        var file = Write("AppDbContext.cs", "using X;\n\nnamespace App;\n\npublic sealed class AppDbContext : DbContext\n{\n}\n");

        var location = new SourceIndex([file]).FindClass("AppDbContext");

        Assert.Equal(new SourceLocation(file, 5, 15), location);
    }

    [Fact]
    public void Does_not_match_a_longer_name_or_a_commented_out_declaration()
    {
        var snapshot = Write("AppDbContextModelSnapshot.cs", "partial class AppDbContextModelSnapshot : ModelSnapshot\n");
        var commented = Write("Old.cs", "// class AppDbContext\n");

        Assert.Null(new SourceIndex([snapshot, commented]).FindClass("AppDbContext"));
    }

    [Theory]
    [InlineData("public partial class AddOrders : Migration")]
    [InlineData("    public sealed record AddOrders(int Id);")]
    [InlineData("class\tAddOrders")]
    [InlineData("class AddOrders")]
    [InlineData("public class AddOrdersAgain { } class AddOrders { }")]
    [InlineData("subclass AddOrders")]
    [InlineData("class AddOrders2")]
    [InlineData("class _AddOrders")]
    [InlineData("classAddOrders")]
    [InlineData("AddOrders class AddOrders")]
    [InlineData("var x = new AddOrders(); // class AddOrders")]
    [InlineData("recordclass AddOrders")]
    [InlineData("")]
    [InlineData("public partial class\r\n    AddOrders : Migration")]
    public void Finds_a_declaration_where_the_regular_expression_it_replaces_does(string line)
    {
        var expected = System.Text.RegularExpressions.Regex.Match(line, @"\b(?:class|record)\s+AddOrders\b");

        Assert.Equal(expected.Success ? expected.Index : -1, SourceIndex.DeclarationIndex(line, "AddOrders"));
    }

    [Fact]
    public void Prefers_the_hand_written_part_of_a_partial_class_over_the_designer_part()
    {
        var designer = Write("20240101_Init.Designer.cs", "namespace M;\n[Migration(\"20240101_Init\")]\npartial class Init\n{\n}\n");
        var main = Write("20240101_Init.cs", "namespace M;\n\npublic partial class Init : Migration\n{\n}\n");

        var location = new SourceIndex([designer, main]).FindClass("Init");

        Assert.Equal(main, location?.File);
        Assert.Equal(3, location?.Line);
    }

    [Fact]
    public void Prefers_a_hand_written_part_in_any_file_over_a_generated_part_named_after_the_class()
    {
        var designer = Write("20240101_Init.Designer.cs", "namespace M;\npartial class Init\n{\n}\n");
        var elsewhere = Write("Extensions.cs", "namespace M;\n\n\npublic partial class Init\n{\n}\n");
        var generatedOnly = Write("20240102_Next.Designer.cs", "namespace M;\n\npartial class Next\n{\n}\n");

        var index = new SourceIndex([designer, elsewhere, generatedOnly]);

        Assert.Equal(new SourceLocation(elsewhere, 4, 16), index.FindClass("Init"));
        Assert.Equal(new SourceLocation(generatedOnly, 3, 9), index.FindClass("Next"));
    }

    [Fact]
    public void Reads_the_list_file_the_build_writes_and_survives_a_missing_one()
    {
        var file = Write("Tag.cs", "public record Tag;\n");
        var list = Write("sources.txt", file + "\n\n");

        Assert.Equal(1, SourceIndex.FromListFile(list).FindClass("Tag")?.Line);
        Assert.Null(SourceIndex.FromListFile(Path.Combine(_directory, "missing.txt")).FindClass("Tag"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
