using Cognova.Build.Tests.Build;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Lint;
using Cognova.Engine.Reports;

namespace Cognova.Build.Tests.Reports;

public sealed class StepSummaryTests
{
    [Fact]
    public void Writes_a_markdown_table_of_findings_per_migration()
    {
        var result = CheckResults.Of(
        [
            CheckResults.Context(
                "ShopContext",
                [
                    CheckResults.Migration("20240101000000_Init", MigrationLockStatus.Locked),
                    CheckResults.Migration(
                        "20240102000000_Cleanup",
                        MigrationLockStatus.NotLocked,
                        CheckResults.Finding(RuleCatalog.DropTable, "20240102000000_Cleanup", "drops table categories", "DROP TABLE categories;", 18),
                        CheckResults.Finding(RuleCatalog.UniqueOnExistingTable, "20240102000000_Cleanup", "adds unique index a|b", "CREATE …", 30, approvedBecause: "checked for duplicates")),
                ],
                drift: ["column products.Description: added (text, null allowed)"]),
        ]);

        var lines = StepSummary.Create(result).Split('\n');

        Assert.Equal("### Cognova.Build: ShopContext", lines[0]);
        Assert.Contains("Model drift: 1 change(s) without a migration.", lines);
        Assert.Contains("| 20240101000000_Init | locked | | | no findings | |", lines);
        Assert.Contains("| 20240102000000_Cleanup | not-locked | COG2101 | error | drops table categories | no |", lines);
        Assert.Contains("| 20240102000000_Cleanup | not-locked | COG2204 | warning | adds unique index a\\|b | yes: checked for duplicates |", lines);
    }
}
