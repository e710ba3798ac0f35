using Cognova.Engine.Reports;

namespace Cognova.Build.Tests.Reports;

public sealed class StepSummaryTests
{
    [Fact]
    public void Writes_a_markdown_table_of_findings_per_migration()
    {
        var report = new CheckReport();
        var context = new ContextReport("ShopContext", "Shop.ShopContext");
        context.Drift.Add("column products.Description: added (text, null allowed)");
        var init = new MigrationReport("20240101000000_Init", "/m/Init.cs", "sha256:a") { LockStatus = "locked" };
        var cleanup = new MigrationReport("20240102000000_Cleanup", "/m/Cleanup.cs", "sha256:b") { LockStatus = "not-locked" };
        cleanup.Findings.Add(new FindingReport("COG2101", "DropTableRule", "error", "drops table categories", "DROP TABLE categories;", "sha256:c", "/m/Cleanup.cs", 18, false, null));
        cleanup.Findings.Add(new FindingReport("COG2204", "UniqueOnExistingTableRule", "warning", "adds unique index a|b", "CREATE …", "sha256:d", "/m/Cleanup.cs", 30, true, "checked for duplicates"));
        context.Migrations.AddRange([init, cleanup]);
        report.Contexts.Add(context);

        var lines = StepSummary.Create(report).Split('\n');

        Assert.Equal("### Cognova.Build: ShopContext", lines[0]);
        Assert.Contains("Model drift: 1 change(s) without a migration.", lines);
        Assert.Contains("| 20240101000000_Init | locked | | | no findings | |", lines);
        Assert.Contains("| 20240102000000_Cleanup | not-locked | COG2101 | error | drops table categories | no |", lines);
        Assert.Contains("| 20240102000000_Cleanup | not-locked | COG2204 | warning | adds unique index a\\|b | yes: checked for duplicates |", lines);
    }
}
