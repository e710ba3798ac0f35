using Cognova.Engine.Tool.Schema;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Tool;

/// <summary>
/// Differences between the live schema and the applied migrations' model, sorted by what the migrations'
/// operations (written the way EF Core 2.x wrote them) explain.
/// </summary>
public sealed class SchemaDifferenceClassifierTests
{
    private const string SerialStrategy = "Npgsql:ValueGenerationStrategy";

    [Fact]
    public void A_default_kept_from_add_column_is_the_migrations_doing_until_an_alter_column_removes_it()
    {
        var added = new AddColumnOperation { Table = "Posts", Name = "Rating", ClrType = typeof(int), DefaultValue = 0 };
        var liveDefault = DefaultChange("Posts", "Rating", defaultValueSql: "0");

        var kept = Classify([liveDefault], added);
        var removedLater = Classify([liveDefault], added, new AlterColumnOperation { Table = "Posts", Name = "Rating", ClrType = typeof(int), OldColumn = new AddColumnOperation() });

        Assert.Equal(["column Posts.Rating: default 0, as 20180101000000_M0 set it (its model records no default)"], kept.ByMigrations);
        Assert.Empty(kept.ByHand);
        Assert.Equal([liveDefault], removedLater.ByHand);
    }

    [Fact]
    public void A_string_default_that_reads_back_with_a_cast_is_recognised_and_an_unparsed_one_is_not_blamed_on_anyone()
    {
        var added = new AddColumnOperation { Table = "Posts", Name = "Slug", ClrType = typeof(string), DefaultValue = "" };
        var dated = new AddColumnOperation { Table = "Posts", Name = "Created", ClrType = typeof(DateTime), DefaultValue = new DateTime(1, 1, 1) };
        var slug = DefaultChange("Posts", "Slug", defaultValueSql: "''::text");
        var created = DefaultChange("Posts", "Created", defaultValueSql: "'0001-01-01 00:00:00'::timestamp without time zone");

        var result = Classify([slug, created], added, dated);

        Assert.Equal(["column Posts.Slug: default ''::text, as 20180101000000_M0 set it (its model records no default)"], result.ByMigrations);
        Assert.Equal([created], result.Unexplained);
        Assert.Empty(result.ByHand);
    }

    [Fact]
    public void A_restrict_foreign_key_as_an_older_ef_core_created_it_is_the_migrations_doing_and_another_delete_action_is_not()
    {
        var created = new CreateTableOperation { Name = "Posts" };
        created.ForeignKeys.Add(ForeignKey("FK_Posts_Blogs_BlogId", "Blogs", ReferentialAction.Restrict));
        var renamed = new RenameTableOperation { Name = "Blogs", NewName = "Sites" };
        var readdedAfterRename = ForeignKey("FK_Posts_Sites_BlogId", "Sites", ReferentialAction.Restrict);
        var drop = new DropForeignKeyOperation { Table = "Posts", Name = "FK_Posts_Sites_BlogId" };

        var asCreated = Classify([drop, ForeignKey("FK_Posts_Sites_BlogId", "Sites", ReferentialAction.Restrict)], created, renamed, readdedAfterRename);
        var cascade = ForeignKey("FK_Posts_Sites_BlogId", "Sites", ReferentialAction.Cascade);
        var changed = Classify([drop, cascade], created, renamed, readdedAfterRename);

        Assert.Equal(["foreign key Posts.FK_Posts_Sites_BlogId: ON DELETE RESTRICT, as 20180101000002_M2 created it"], asCreated.ByMigrations);
        Assert.Empty(asCreated.ByHand);
        Assert.Equal([drop, cascade], changed.ByHand);
    }

    [Fact]
    public void A_serial_sequence_keeps_the_name_of_the_table_it_was_created_in()
    {
        var created = new CreateTableOperation { Name = "Blogs" };
        var id = new AddColumnOperation { Table = "Blogs", Name = "Id", ClrType = typeof(int) };
        id.AddAnnotation(SerialStrategy, "SerialColumn");
        created.Columns.Add(id);
        var live = DefaultChange("Sites", "Id", defaultValueSql: "nextval('\"Blogs_Id_seq\"'::regclass)");
        live.OldColumn.AddAnnotation(SerialStrategy, "SerialColumn");
        var otherSequence = DefaultChange("Sites", "Id", defaultValueSql: "nextval('other_seq'::regclass)");
        otherSequence.OldColumn.AddAnnotation(SerialStrategy, "SerialColumn");

        var result = Classify([live], created, new RenameTableOperation { Name = "Blogs", NewName = "Sites" });
        var other = Classify([otherSequence], created, new RenameTableOperation { Name = "Blogs", NewName = "Sites" });

        Assert.Equal(["column Sites.Id: default nextval('\"Blogs_Id_seq\"'::regclass), the sequence 20180101000000_M0 created for the serial column (renames keep its name)"], result.ByMigrations);
        Assert.Equal([otherSequence], other.ByHand);
    }

    [Fact]
    public void A_difference_in_a_table_that_raw_ddl_changes_is_unexplained_and_one_elsewhere_is_by_hand()
    {
        var index = new CreateIndexOperation { Table = "Posts", Name = "ix_posts_title", Columns = ["Title"] };
        var column = new AddColumnOperation { Table = "Sites", Name = "notes", ClrType = typeof(string), ColumnType = "text", IsNullable = true };

        var result = Classify([index, column], new SqlOperation { Sql = "CREATE INDEX ix_posts_title ON \"Posts\" (\"Title\")" }, new SqlOperation { Sql = "INSERT INTO \"Sites\" VALUES (1)" });

        Assert.Equal([index], result.Unexplained);
        Assert.Equal([column], result.ByHand);
    }

    private static ClassifiedDifferences Classify(IReadOnlyList<MigrationOperation> differences, params MigrationOperation[] applied)
        => SchemaDifferenceClassifier.Classify(differences, MigrationTrail.Walk(applied.Select((operation, i) => ($"2018010100000{i}_M{i}", operation))));

    private static AlterColumnOperation DefaultChange(string table, string column, string defaultValueSql)
        => new()
        {
            Table = table,
            Name = column,
            ClrType = typeof(int),
            ColumnType = "integer",
            DefaultValueSql = defaultValueSql,
            OldColumn = new AddColumnOperation { Table = table, Name = column, ClrType = typeof(int), ColumnType = "integer" },
        };

    private static AddForeignKeyOperation ForeignKey(string name, string principal, ReferentialAction onDelete)
        => new() { Table = "Posts", Name = name, Columns = ["BlogId"], PrincipalTable = principal, PrincipalColumns = ["Id"], OnDelete = onDelete };
}
