using Cognova.Build.Tests.Lock;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Build;

/// <summary>Findings placed at their operation in the migration's source, with their approval; open ones become diagnostics.</summary>
public sealed class FindingPlacementTests : IDisposable
{
    private const string Project = "/src/Shop/Shop.csproj";

    private static readonly MigrationScript Init = LockTestData.Script("20240101000000_Init", "CREATE TABLE tags (id int, color text, notes text);");

    private static readonly MigrationScript Cleanup = new(
        "20240102000000_Cleanup",
        "Cleanup",
        [new DropColumnOperation { Table = "tags", Name = "color" }, new DropColumnOperation { Table = "tags", Name = "notes" }],
        ["ALTER TABLE tags DROP COLUMN color;", "ALTER TABLE tags DROP COLUMN notes;"],
        "ALTER TABLE tags DROP COLUMN color;\nALTER TABLE tags DROP COLUMN notes;");

    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-placement-").FullName;
    private readonly MigrationLinter _linter = new(RuleSeverities.Parse("COG2307=none"));
    private readonly string _cleanupFile;

    public FindingPlacementTests()
    {
        _cleanupFile = Path.Combine(_directory, "20240102000000_Cleanup.cs");
        File.WriteAllText(_cleanupFile, """
            namespace Shop.Migrations;

            public partial class Cleanup : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "color", table: "tags");

                    migrationBuilder.DropColumn(
                        name: "notes",
                        table: "tags");
                }
            }
            """);
    }

    [Fact]
    public void Each_finding_is_at_its_operation_and_carries_the_approval_that_counts()
    {
        var findings = _linter.Lint(Cleanup);
        var locked = new LockedContext();
        Approvals.Apply(locked, [Init, Cleanup], findings.Where(f => f.Hit.Statement.Contains("color")).ToList(), new ApprovalRequest("Cleanup", "color moved to tag_styles"));

        var migrations = Placement().Place([Init, Cleanup], findings, locked);

        Assert.Equal([Init.Id, Cleanup.Id], migrations.Select(m => m.Id));
        Assert.Equal((Project, 0), (migrations[0].Location.File, migrations[0].Location.Line));
        Assert.Empty(migrations[0].Findings);
        Assert.Equal((_cleanupFile, 3), (migrations[1].Location.File, migrations[1].Location.Line));
        Assert.Equal(Cleanup.SqlHash, migrations[1].SqlHash);
        Assert.Equal(MigrationLockStatus.Unchecked, migrations[1].LockStatus);
        var (color, notes) = (migrations[1].Findings[0], migrations[1].Findings[1]);
        Assert.Equal(new SourceLocation(_cleanupFile, 7, 9), color.Location);
        Assert.Equal("color moved to tag_styles", color.Approval?.Reason);
        Assert.Equal(new SourceLocation(_cleanupFile, 9, 9), notes.Location);
        Assert.False(notes.IsApproved);
    }

    [Fact]
    public void Only_open_findings_become_diagnostics_with_the_command_that_approves_them()
    {
        var findings = _linter.Lint(Cleanup);
        var locked = new LockedContext();
        Approvals.Apply(locked, [Init, Cleanup], findings.Where(f => f.Hit.Statement.Contains("color")).ToList(), new ApprovalRequest("Cleanup", "color moved to tag_styles"));

        var diagnostic = Assert.Single(FindingDiagnostics.ForOpenFindings(Placement().Place([Init, Cleanup], findings, locked), "Shop.csproj "));

        Assert.Equal(("COG2102", DiagnosticSeverity.Error, _cleanupFile, 9, 9), (diagnostic.Code, diagnostic.Severity, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("Migration 20240102000000_Cleanup drops column tags.notes.", diagnostic.Message);
        Assert.EndsWith("Approve: dotnet build Shop.csproj -t:CognovaApprove -p:CognovaApproveMigration=20240102000000_Cleanup -p:CognovaApproveReason=\"<why this is safe>\"", diagnostic.Message);
    }

    [Fact]
    public void An_approval_without_a_reason_leaves_the_finding_open_and_its_message_says_why()
    {
        var findings = _linter.Lint(Cleanup);
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);
        var entry = LockVerifier.Append(locked, Cleanup);
        entry.Approvals.AddRange(findings.Select(f => new Approval(f.Rule.Id, f.StatementHash, " ", null)));

        var migration = Placement().Place([Init, Cleanup], findings, locked)[1];

        Assert.All(migration.Findings, f => Assert.True(f.ApprovedWithoutReason && !f.IsApproved));
        var diagnostics = FindingDiagnostics.ForOpenFindings([migration], "").ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Contains("the approval's reason is missing (empty or blank), so it does not count", d.Message));
    }

    [Fact]
    public void Without_a_readable_lock_every_finding_is_open()
    {
        var migration = Placement().Place([Cleanup], _linter.Lint(Cleanup), locked: null)[0];

        Assert.All(migration.Findings, f => Assert.False(f.IsApproved || f.ApprovedWithoutReason));
        Assert.Equal(2, FindingDiagnostics.ForOpenFindings([migration], "").Count());
    }

    [Fact]
    public void A_migration_without_findings_is_looked_up_in_the_sources_only_when_its_location_is_asked_for()
    {
        var migration = Placement().Place([Cleanup], [], locked: null)[0];

        Assert.False(migration.ClassLocation.IsValueCreated);
        Assert.Equal((_cleanupFile, 3), (migration.Location.File, migration.Location.Line));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private FindingPlacement Placement() => new(new SourceIndex([_cleanupFile]), Project);
}
