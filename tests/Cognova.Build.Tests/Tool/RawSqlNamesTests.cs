using Cognova.Engine.Tool.Schema;

namespace Cognova.Build.Tests.Tool;

public sealed class RawSqlNamesTests
{
    [Fact]
    public void Names_what_ddl_and_do_blocks_mention_as_postgresql_reads_them()
    {
        var names = RawSqlNames.SchemaChangedBy(
            "CREATE INDEX ix_title ON \"Posts\" (Title); DO $x$ BEGIN EXECUTE 'x'; ALTER TABLE \"Sites\" ADD c int; END $x$;");

        Assert.Contains("Posts", names);
        Assert.Contains("ix_title", names);
        Assert.Contains("title", names);
        Assert.Contains("Sites", names);
        Assert.DoesNotContain("Title", names);
    }

    [Fact]
    public void Leaves_out_statements_that_only_read_or_change_rows()
    {
        var names = RawSqlNames.SchemaChangedBy("INSERT INTO \"Sites\" VALUES (1); SELECT setval('\"Blogs_Id_seq\"', 1); UPDATE \"Posts\" SET x = 1");

        Assert.Empty(names);
    }
}
