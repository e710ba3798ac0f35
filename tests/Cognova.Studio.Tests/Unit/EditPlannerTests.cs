using Cognova.Studio.Edits;

namespace Cognova.Studio.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class EditPlannerTests
{
    private static Change Update(params (string Column, CellEdit Edit)[] cells)
        => new("update", "public", "Tags", new Dictionary<string, string?> { ["Id"] = "1" }, "742", cells.Select(c => KeyValuePair.Create(c.Column, c.Edit)).ToList());

    [Fact]
    public void An_update_sets_by_parameter_and_finds_the_row_by_key_and_xmin()
    {
        var planned = EditPlanner.Plan(0, Update(("Name", new CellEdit("x'y", false, false)), ("Color", new CellEdit(null, true, false)), ("Price", new CellEdit(null, false, true))), TestTables.Tags);
        Assert.Equal("UPDATE \"public\".\"Tags\" AS r SET \"Name\" = $1::text, \"Color\" = NULL, \"Price\" = DEFAULT WHERE r.\"Id\" = $2::integer AND r.xmin = $3::xid", planned.Statement.Text);
        Assert.Equal(["x'y", "1", "742"], planned.Statement.Parameters);
        Assert.Equal("UPDATE \"public\".\"Tags\" AS r SET \"Name\" = 'x''y', \"Color\" = NULL, \"Price\" = DEFAULT WHERE r.\"Id\" = 1 AND r.xmin = '742'::xid", planned.Preview);
        Assert.True(planned.ChecksRowVersion);
    }

    [Fact]
    public void An_insert_says_value_null_or_default_per_column_and_skips_generated_defaults()
    {
        var insert = new Change("insert", "public", "Tags", new Dictionary<string, string?>(), null,
        [
            KeyValuePair.Create("Name", new CellEdit("", false, false)),
            KeyValuePair.Create("Color", new CellEdit(null, true, false)),
            KeyValuePair.Create("Price", new CellEdit(null, false, true)),
            KeyValuePair.Create("Total", new CellEdit(null, false, true)),
        ]);
        var planned = EditPlanner.Plan(0, insert, TestTables.Tags);
        Assert.Equal("INSERT INTO \"public\".\"Tags\" (\"Name\", \"Color\", \"Price\") VALUES ($1::text, NULL, DEFAULT)", planned.Statement.Text);
        Assert.Equal([""], planned.Statement.Parameters);
        Assert.False(planned.ChecksRowVersion);
        var empty = EditPlanner.Plan(0, insert with { Cells = [] }, TestTables.Tags);
        Assert.Equal("INSERT INTO \"public\".\"Tags\" DEFAULT VALUES", empty.Statement.Text);
    }

    [Fact]
    public void A_delete_finds_the_row_by_key_and_xmin()
    {
        var planned = EditPlanner.Plan(2, Update() with { Kind = "delete" }, TestTables.Tags);
        Assert.Equal("DELETE FROM \"public\".\"Tags\" AS r WHERE r.\"Id\" = $1::integer AND r.xmin = $2::xid", planned.Statement.Text);
        Assert.Equal(2, planned.Index);
    }

    [Fact]
    public void Column_names_from_the_request_are_checked_against_the_table()
    {
        var error = Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Name\" = 'x'; DROP TABLE t; --", new CellEdit("x", false, false))), TestTables.Tags));
        Assert.Contains("has no column", error.Message);
    }

    [Fact]
    public void Generated_identity_keyless_and_versionless_edits_are_refused()
    {
        Assert.Contains("generated", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Total", new CellEdit("1", false, false))), TestTables.Tags)).Message);
        var always = TestTables.Table("public", "T", ["Id"], TestTables.Column("Id", "integer", nullable: false, identity: "always"));
        Assert.Contains("IDENTITY", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Id", new CellEdit("5", false, false))) with { Table = "T" }, always)).Message);
        var keyless = TestTables.Table("public", "Log", [], TestTables.Column("Line", "text"));
        Assert.Contains("no primary key", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Line", new CellEdit("x", false, false))), keyless)).Message);
        Assert.Contains("xmin", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Name", new CellEdit("x", false, false))) with { Xmin = null }, TestTables.Tags)).Message);
        Assert.Contains("Id", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Name", new CellEdit("x", false, false))) with { Key = new Dictionary<string, string?>() }, TestTables.Tags)).Message);
        var view = TestTables.Tags with { Kind = "view" };
        Assert.Contains("only tables", Assert.Throws<StudioRequestException>(() => EditPlanner.Plan(0, Update(("Name", new CellEdit("x", false, false))), view)).Message);
    }
}
