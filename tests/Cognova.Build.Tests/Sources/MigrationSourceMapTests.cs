using Cognova.Engine.Sources;

namespace Cognova.Build.Tests.Sources;

public sealed class MigrationSourceMapTests
{
    private const string Migration = """
        public partial class Cleanup : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // migrationBuilder.DropTable("commented");
                migrationBuilder.DropTable(
                    name: "categories");

                migrationBuilder.Sql("migrationBuilder.DropTable(\"in a string\")");
                migrationBuilder.AlterColumn<string>(name: "name", table: "products");
                migrationBuilder.Sql(@"verbatim ""migrationBuilder.X("" text");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(name: "categories");
            }
        }
        """;

    private static readonly SourceLocation Class = new("/m/Cleanup.cs", 1, 22);

    [Fact]
    public void Finds_each_call_of_the_Up_method_in_order_skipping_comments_strings_and_Down()
    {
        var map = MigrationSourceMap.Build(Class, Migration.Split('\n'));

        Assert.Equal(new SourceLocation("/m/Cleanup.cs", 6, 9), map.OperationAt(0, 4));
        Assert.Equal(9, map.OperationAt(1, 4).Line);
        Assert.Equal(10, map.OperationAt(2, 4).Line);
        Assert.Equal(11, map.OperationAt(3, 4).Line);
    }

    [Fact]
    public void Reads_an_expression_bodied_Up_method()
    {
        var lines = "class M : Migration\n{\n    protected override void Up(MigrationBuilder b)\n        => b.CreateIndex(name: \"IX\", table: \"t\", column: \"c\");\n\n    void Other() => b.DropTable(\"x\");\n}".Split('\n');

        var map = MigrationSourceMap.Build(Class, lines);

        Assert.Equal(new SourceLocation("/m/Cleanup.cs", 4, 12), map.OperationAt(0, 1));
    }

    [Fact]
    public void Falls_back_to_the_class_when_the_calls_and_operations_disagree()
    {
        var map = MigrationSourceMap.Build(Class, Migration.Split('\n'));

        Assert.Equal(Class, map.OperationAt(0, 7));
        Assert.Equal(Class, MigrationSourceMap.Build(Class, ["class Empty {}"]).OperationAt(0, 1));
    }
}
