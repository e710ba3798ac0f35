using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using static Cognova.Build.Tests.Lint.NpgsqlScripts;

namespace Cognova.Build.Tests.Lint;

/// <summary>
/// One statement model: a raw statement and the EF Core operation that does the same get the same findings,
/// because the raw statement is read into that operation and each rule is written once.
/// </summary>
public sealed class StatementModelTests
{
    public static TheoryData<string, MigrationOperation, string[]> Pairs => new()
    {
        { "CREATE INDEX ix_tags_color ON tags (color)", new CreateIndexOperation { Name = "ix_tags_color", Table = "tags", Columns = ["color"] }, ["COG2301"] },
        { "CREATE UNIQUE INDEX ix_tags_name ON tags USING btree (name)", new CreateIndexOperation { Name = "ix_tags_name", Table = "tags", Columns = ["name"], IsUnique = true }, ["COG2204", "COG2301"] },
        { "ALTER TABLE tags ADD CONSTRAINT ak_tags_code UNIQUE (code)", new AddUniqueConstraintOperation { Name = "ak_tags_code", Table = "tags", Columns = ["code"] }, ["COG2204"] },
        { "ALTER TABLE tags ADD CONSTRAINT fk_tags_user FOREIGN KEY (user_id) REFERENCES users (id)", Key(ReferentialAction.NoAction), ["COG2302"] },
        { "ALTER TABLE tags ADD CONSTRAINT fk_tags_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE", Key(ReferentialAction.Cascade), ["COG2203", "COG2302"] },
        { "ALTER TABLE tags ADD COLUMN token uuid DEFAULT gen_random_uuid()", new AddColumnOperation { Table = "tags", Name = "token", ClrType = typeof(Guid), ColumnType = "uuid", IsNullable = true, DefaultValueSql = "gen_random_uuid()" }, ["COG2304"] },
        { "ALTER TABLE tags ADD COLUMN weight integer NOT NULL DEFAULT 0", new AddColumnOperation { Table = "tags", Name = "weight", ClrType = typeof(int), ColumnType = "integer", DefaultValue = 0 }, ["COG2201"] },
        { "ALTER TABLE tags ALTER COLUMN color SET NOT NULL", NotNull(), ["COG2202"] },
        { "ALTER TABLE tags DROP COLUMN color", new DropColumnOperation { Table = "tags", Name = "color" }, ["COG2102"] },
        { "DROP TABLE legacy", new DropTableOperation { Name = "legacy" }, ["COG2101"] },
        { "ALTER TABLE tag RENAME TO tags", new RenameTableOperation { Name = "tag", NewName = "tags" }, ["COG2106"] },
        { "CREATE INDEX CONCURRENTLY ix_tags_color ON tags (color)", Concurrent(), [] },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_raw_statement_and_its_operation_get_the_same_findings(string sql, MigrationOperation operation, string[] codes)
    {
        Assert.Equal(codes, Check(operation).Codes());
        Assert.Equal(codes, CheckSql(sql, suppressTransaction: operation is CreateIndexOperation).Codes());
    }

    [Fact]
    public void Raw_ddl_inside_a_do_block_is_read_too()
    {
        Assert.Equal(["COG2301"], CheckSql("DO $$ BEGIN IF NOT EXISTS (SELECT 1) THEN CREATE INDEX ix ON tags (a); END IF; END $$").Codes());
    }

    [Fact]
    public void A_constraint_added_not_valid_is_not_validated_at_once()
    {
        Assert.Empty(CheckSql("ALTER TABLE tags ADD CONSTRAINT fk_tags_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID"));
        Assert.Empty(CheckSql("ALTER TABLE tags ADD CONSTRAINT ak_tags_code UNIQUE USING INDEX ix_tags_code"));
    }

    private static AddForeignKeyOperation Key(ReferentialAction onDelete) => new()
    {
        Name = "fk_tags_user", Table = "tags", Columns = ["user_id"], PrincipalTable = "users", PrincipalColumns = ["id"], OnDelete = onDelete,
    };

    private static AlterColumnOperation NotNull() => new()
    {
        Table = "tags", Name = "color", ClrType = typeof(string), ColumnType = "text", IsNullable = false,
        OldColumn = new AddColumnOperation { Table = "tags", Name = "color", ClrType = typeof(string), ColumnType = "text", IsNullable = true },
    };

    private static CreateIndexOperation Concurrent()
    {
        var index = new CreateIndexOperation { Name = "ix_tags_color", Table = "tags", Columns = ["color"] };
        index.AddAnnotation("Npgsql:CreatedConcurrently", true);
        return index;
    }
}
