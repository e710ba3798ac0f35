using Cognova.Engine.Drift;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Drift;

public sealed class DriftDescriberTests
{
    [Fact]
    public void An_added_column_names_table_column_type_nullability_and_default()
    {
        var operation = new AddColumnOperation
        {
            Table = "tags", Name = "weight", ClrType = typeof(int), ColumnType = "integer", IsNullable = false, DefaultValue = 0,
        };

        Assert.Equal("column tags.weight: added (integer, not null, default 0)", DriftDescriber.Describe(operation));
    }

    [Fact]
    public void A_column_without_a_store_type_falls_back_to_the_clr_type_with_its_facets()
    {
        var operation = new AddColumnOperation { Table = "t", Name = "code", ClrType = typeof(string), MaxLength = 12, IsNullable = true };

        Assert.Equal("column t.code: added (String(12), null allowed)", DriftDescriber.Describe(operation));
    }

    [Fact]
    public void A_schema_qualifies_the_table()
    {
        var operation = new DropColumnOperation { Schema = "billing", Table = "invoices", Name = "note" };

        Assert.Equal("column billing.invoices.note: removed", DriftDescriber.Describe(operation));
    }

    [Fact]
    public void An_altered_column_lists_each_change_old_to_new()
    {
        var operation = new AlterColumnOperation
        {
            Table = "tags", Name = "color", ClrType = typeof(string), ColumnType = "character varying(20)", IsNullable = false,
            DefaultValueSql = "'red'",
            OldColumn = new AddColumnOperation { ClrType = typeof(string), ColumnType = "text", IsNullable = true },
        };

        Assert.Equal(
            "column tags.color: type text -> character varying(20); now not null (was null allowed); default none -> 'red'",
            DriftDescriber.Describe(operation));
    }

    [Fact]
    public void An_altered_column_that_only_became_nullable_says_so()
    {
        var operation = new AlterColumnOperation
        {
            Table = "tags", Name = "color", ClrType = typeof(string), ColumnType = "text", IsNullable = true,
            OldColumn = new AddColumnOperation { ClrType = typeof(string), ColumnType = "text", IsNullable = false },
        };

        Assert.Equal("column tags.color: now allows null (was not null)", DriftDescriber.Describe(operation));
    }

    [Fact]
    public void Tables_are_described_with_their_columns()
    {
        var create = new CreateTableOperation { Name = "audit" };
        create.Columns.Add(new AddColumnOperation { Table = "audit", Name = "id", ClrType = typeof(long) });
        create.Columns.Add(new AddColumnOperation { Table = "audit", Name = "message", ClrType = typeof(string) });

        Assert.Equal("table audit: added (id, message)", DriftDescriber.Describe(create));
        Assert.Equal("table audit: removed", DriftDescriber.Describe(new DropTableOperation { Name = "audit" }));
        Assert.Equal(
            "table audit: renamed to audit_log",
            DriftDescriber.Describe(new RenameTableOperation { Name = "audit", NewName = "audit_log" }));
    }

    [Fact]
    public void Indexes_keys_and_foreign_keys_name_their_table_and_columns()
    {
        Assert.Equal(
            "index IX_tags_name on tags (name): added (unique, where deleted IS NULL)",
            DriftDescriber.Describe(new CreateIndexOperation { Name = "IX_tags_name", Table = "tags", Columns = ["name"], IsUnique = true, Filter = "deleted IS NULL" }));
        Assert.Equal(
            "index IX_tags_name on tags: removed",
            DriftDescriber.Describe(new DropIndexOperation { Name = "IX_tags_name", Table = "tags" }));
        Assert.Equal(
            "primary key PK_tags on tags (id): added",
            DriftDescriber.Describe(new AddPrimaryKeyOperation { Name = "PK_tags", Table = "tags", Columns = ["id"] }));
        Assert.Equal(
            "foreign key FK_tags_user on tags (created_by) -> user (id): added (on delete cascade)",
            DriftDescriber.Describe(new AddForeignKeyOperation
            {
                Name = "FK_tags_user", Table = "tags", Columns = ["created_by"], PrincipalTable = "user", PrincipalColumns = ["id"],
                OnDelete = ReferentialAction.Cascade,
            }));
        Assert.Equal(
            "unique constraint AK_tags_code on tags (code, tenant): added",
            DriftDescriber.Describe(new AddUniqueConstraintOperation { Name = "AK_tags_code", Table = "tags", Columns = ["code", "tenant"] }));
        Assert.Equal(
            "check constraint CK_price on products: added (price > 0)",
            DriftDescriber.Describe(new AddCheckConstraintOperation { Name = "CK_price", Table = "products", Sql = "price > 0" }));
    }

    [Fact]
    public void Renames_say_old_and_new_name()
    {
        Assert.Equal(
            "column tags.colour: renamed to color",
            DriftDescriber.Describe(new RenameColumnOperation { Table = "tags", Name = "colour", NewName = "color" }));
        Assert.Equal(
            "index IX_a on tags: renamed to IX_b",
            DriftDescriber.Describe(new RenameIndexOperation { Table = "tags", Name = "IX_a", NewName = "IX_b" }));
    }

    [Fact]
    public void Seed_data_counts_rows()
    {
        var insert = new InsertDataOperation { Table = "colors", Columns = ["id", "name"], Values = new object?[,] { { 1, "red" }, { 2, "blue" } } };

        Assert.Equal("seed data in colors: 2 rows added", DriftDescriber.Describe(insert));
    }

    [Fact]
    public void Schemas_and_sequences_are_described()
    {
        Assert.Equal("schema billing: added", DriftDescriber.Describe(new EnsureSchemaOperation { Name = "billing" }));
        Assert.Equal("sequence billing.order_numbers: added", DriftDescriber.Describe(new CreateSequenceOperation { Schema = "billing", Name = "order_numbers", ClrType = typeof(long) }));
    }
}
