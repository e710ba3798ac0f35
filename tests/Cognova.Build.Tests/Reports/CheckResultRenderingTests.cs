using Cognova.Build.Tests.Build;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Reports;

namespace Cognova.Build.Tests.Reports;

/// <summary>The JSON report and the step summary of a result built by hand, byte for byte: their format is what CI scripts read.</summary>
public sealed class CheckResultRenderingTests
{
    private const string Cleanup = "20240102000000_Cleanup";

    private static readonly CheckResult Result = CheckResults.Of(
        [
            CheckResults.Context(
                "ShopContext",
                [
                    CheckResults.Migration("20240101000000_Init", MigrationLockStatus.Locked),
                    CheckResults.Migration(
                        Cleanup,
                        MigrationLockStatus.NotLocked,
                        CheckResults.Finding(RuleCatalog.DropTable, Cleanup, "drops table categories", "DROP TABLE categories;", 18),
                        CheckResults.Finding(RuleCatalog.UniqueOnExistingTable, Cleanup, "adds unique index a|b", "CREATE UNIQUE INDEX ix ON t (a, b);", 30, approvedBecause: "checked for <duplicates>")),
                ],
                drift: ["column products.Description: added (text, null allowed)"]),
        ],
        new Diagnostic("COG1001", DiagnosticSeverity.Error, "ShopContext: the model has 1 change\n- column products.Description", "/m/ShopContextModelSnapshot.cs", 12, 5),
        new Diagnostic("COG2101", DiagnosticSeverity.Error, $"Migration {Cleanup} drops table categories.", $"/m/{Cleanup}.cs", 18, 13),
        new Diagnostic("COG3007", DiagnosticSeverity.Info, "ShopContext: locked 1 new migration(s).", "/m/migrations.lock.json"),
        new Diagnostic("COG2301", DiagnosticSeverity.Warning, "élan \"quoted\"", null));

    [Fact]
    public void The_json_report_lists_contexts_migrations_findings_and_diagnostics()
    {
        Assert.Equal(
            """
            {
              "version": 1,
              "errors": 2,
              "warnings": 1,
              "contexts": [
                {
                  "name": "ShopContext",
                  "fullName": "Shop.ShopContext",
                  "assembly": "Shop",
                  "lockFile": "/m/migrations.lock.json",
                  "historyTable": "__EFMigrationsHistory",
                  "historySchema": null,
                  "drift": [
                    "column products.Description: added (text, null allowed)"
                  ],
                  "migrations": [
                    {
                      "id": "20240101000000_Init",
                      "file": "/m/20240101000000_Init.cs",
                      "sqlHash": "sha256:20240101000000_Init",
                      "lockStatus": "locked",
                      "findings": []
                    },
                    {
                      "id": "20240102000000_Cleanup",
                      "file": "/m/20240102000000_Cleanup.cs",
                      "sqlHash": "sha256:20240102000000_Cleanup",
                      "lockStatus": "not-locked",
                      "findings": [
                        {
                          "rule": "COG2101",
                          "ruleName": "DropTableRule",
                          "severity": "error",
                          "action": "drops table categories",
                          "statement": "DROP TABLE categories;",
                          "statementHash": "sha256:83ac56a716bb77024ef6dfd049c1a531aa7183ac60635ee2030bcc5743cc7003",
                          "file": "/m/20240102000000_Cleanup.cs",
                          "line": 18,
                          "approved": false,
                          "reason": null
                        },
                        {
                          "rule": "COG2204",
                          "ruleName": "UniqueOnExistingTableRule",
                          "severity": "warning",
                          "action": "adds unique index a|b",
                          "statement": "CREATE UNIQUE INDEX ix ON t (a, b);",
                          "statementHash": "sha256:113dd3ca6c5f153b4452f42de5a3edd07de86d20ff97c1704bcf75cfb9fd34f3",
                          "file": "/m/20240102000000_Cleanup.cs",
                          "line": 30,
                          "approved": true,
                          "reason": "checked for \u003Cduplicates\u003E"
                        }
                      ]
                    }
                  ]
                }
              ],
              "diagnostics": [
                {
                  "code": "COG1001",
                  "severity": "error",
                  "message": "ShopContext: the model has 1 change\n- column products.Description",
                  "file": "/m/ShopContextModelSnapshot.cs",
                  "line": 12,
                  "column": 5
                },
                {
                  "code": "COG2101",
                  "severity": "error",
                  "message": "Migration 20240102000000_Cleanup drops table categories.",
                  "file": "/m/20240102000000_Cleanup.cs",
                  "line": 18,
                  "column": 13
                },
                {
                  "code": "COG3007",
                  "severity": "info",
                  "message": "ShopContext: locked 1 new migration(s).",
                  "file": "/m/migrations.lock.json",
                  "line": 0,
                  "column": 0
                },
                {
                  "code": "COG2301",
                  "severity": "warning",
                  "message": "\u00E9lan \u0022quoted\u0022",
                  "file": null,
                  "line": 0,
                  "column": 0
                }
              ]
            }

            """,
            JsonReport.Create(Result));
    }

    [Fact]
    public void The_step_summary_is_a_table_per_context()
    {
        Assert.Equal(
            """
            ### Cognova.Build: ShopContext

            Model drift: 1 change(s) without a migration.

            | migration | lock | rule | severity | finding | approved |
            |---|---|---|---|---|---|
            | 20240101000000_Init | locked | | | no findings | |
            | 20240102000000_Cleanup | not-locked | COG2101 | error | drops table categories | no |
            | 20240102000000_Cleanup | not-locked | COG2204 | warning | adds unique index a\|b | yes: checked for <duplicates> |


            """,
            StepSummary.Create(Result));
    }

    [Fact]
    public void The_lines_are_every_diagnostic_of_the_result_in_order()
    {
        var output = new StringWriter();
        var writer = new DiagnosticWriter(output);

        writer.Write(Result);

        Assert.Equal((2, 1), (writer.ErrorCount, writer.WarningCount));
        Assert.Equal(Result.Diagnostics, writer.Written);
        var lines = output.ToString().Split(Environment.NewLine);
        Assert.StartsWith("/m/ShopContextModelSnapshot.cs(12,5): error COG1001: ShopContext: the model has 1 change", lines[0]);
        Assert.StartsWith("/m/20240102000000_Cleanup.cs(18,13): error COG2101:", lines[2]);
        Assert.StartsWith("/m/migrations.lock.json: info COG3007:", lines[3]);
        Assert.StartsWith("Cognova.Build: warning COG2301:", lines[4]);
    }

    [Fact]
    public void The_sarif_log_holds_the_diagnostics_of_the_result()
    {
        Assert.Equal(SarifLog.Create(Result.Diagnostics), SarifLog.Create(Result));
    }
}
