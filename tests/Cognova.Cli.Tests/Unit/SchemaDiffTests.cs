using Cognova.Engine.Tool.Schema;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Cli.Tests.Unit;

/// <summary>
/// A model read back from PostgreSQL knows less than the application's model; the alterations that
/// only come from that (a default read as SQL and as a value, a column's position, a type alias)
/// change nothing in the database and are left out of status and push.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SchemaDiffTests
{
    [Fact]
    public void A_default_read_as_sql_and_value_is_the_same_as_the_model_value()
    {
        var alter = Alter("integer", "integer");
        alter.DefaultValue = 3;
        alter.OldColumn.DefaultValue = 3;
        alter.OldColumn.DefaultValueSql = "3";

        Assert.True(SchemaDiff.IsNoOp(alter));
    }

    [Fact]
    public void A_column_position_and_a_type_alias_change_nothing()
    {
        var alter = Alter("integer", "int4");
        alter.OldColumn.AddAnnotation("Relational:ColumnOrder", 2);

        Assert.True(SchemaDiff.IsNoOp(alter));
    }

    [Theory]
    [InlineData("character varying(80)", "character varying(200)", false, false)]
    [InlineData("text", "text", true, false)]
    public void A_real_change_of_type_or_nullability_stays(string type, string oldType, bool nullable, bool oldNullable)
    {
        var alter = Alter(type, oldType);
        alter.IsNullable = nullable;
        alter.OldColumn.IsNullable = oldNullable;

        Assert.False(SchemaDiff.IsNoOp(alter));
    }

    [Fact]
    public void A_changed_default_stays()
    {
        var alter = Alter("text", "text");
        alter.DefaultValueSql = "'new'";
        alter.OldColumn.DefaultValueSql = "'old'::text";

        Assert.False(SchemaDiff.IsNoOp(alter));
    }

    [Fact]
    public void Other_operations_are_never_dropped()
        => Assert.False(SchemaDiff.IsNoOp(new DropColumnOperation { Name = "color", Table = "tags" }));

    private static AlterColumnOperation Alter(string type, string oldType) => new()
    {
        Name = "n",
        Table = "t",
        ColumnType = type,
        OldColumn = new AddColumnOperation { Name = "n", Table = "t", ColumnType = oldType },
    };
}
