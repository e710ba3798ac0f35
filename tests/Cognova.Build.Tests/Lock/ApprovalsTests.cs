using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Lock;

public sealed class ApprovalsTests
{
    private static readonly MigrationScript Init = LockTestData.Script("20240101000000_Init", "CREATE TABLE tags (id int, color text);");

    private static readonly MigrationScript DropColor = new(
        "20240102000000_DropColor",
        "DropColor",
        [new DropColumnOperation { Table = "tags", Name = "color" }],
        ["ALTER TABLE tags DROP COLUMN color;"],
        "ALTER TABLE tags DROP COLUMN color;");

    // One finding per migration: the lock_timeout guard (COG2307) would add a second to DropColor.
    private readonly MigrationLinter _linter = new(RuleSeverities.Parse("COG2307=none"));

    [Fact]
    public void Approving_by_name_locks_the_migration_and_binds_the_reason_to_the_statement()
    {
        var locked = new LockedContext();
        var findings = _linter.Lint(DropColor);

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor], findings, new ApprovalRequest("DropColor", "color moved to tag_styles"));

        Assert.Empty(problems);
        Assert.Equal([DropColor.Id], approved);
        Assert.Equal([Init.Id, DropColor.Id], locked.Migrations.Select(m => m.Id));
        var approval = Assert.Single(locked.Migrations[1].Approvals);
        Assert.Equal(("COG2102", findings.Single().StatementHash, "color moved to tag_styles"), (approval.Rule, approval.Statement, approval.Reason));
        Assert.True(Approvals.IsApproved(locked, findings.Single()));
    }

    [Fact]
    public void An_approval_stops_matching_when_the_statement_changes()
    {
        var locked = new LockedContext();
        Approvals.Apply(locked, [Init, DropColor], _linter.Lint(DropColor), new ApprovalRequest(DropColor.Id, "ok"));
        var changed = DropColor with
        {
            Operations = [new DropColumnOperation { Table = "tags", Name = "colour" }],
            OperationSql = ["ALTER TABLE tags DROP COLUMN colour;"],
        };

        var finding = Assert.Single(_linter.Lint(changed));

        Assert.False(Approvals.IsApproved(locked, finding));
    }

    [Fact]
    public void An_earlier_new_migration_with_its_own_destructive_finding_must_be_approved_first()
    {
        var later = LockTestData.Script("20240103000000_Later", "SELECT 1;");
        var locked = new LockedContext();
        var findings = _linter.Lint(DropColor).Concat(_linter.Lint(later)).ToList();

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor, later], findings, new ApprovalRequest("Later", "fine"));

        var problem = Assert.Single(problems);
        Assert.Equal(DiagnosticCodes.InvalidApproval, problem.Code);
        Assert.Contains("CognovaApproveMigration=20240102000000_DropColor", problem.Message);
        Assert.Empty(approved);
    }

    [Fact]
    public void A_star_approves_every_migration_with_open_findings_and_nothing_else()
    {
        var locked = new LockedContext();

        var (_, approved) = Approvals.Apply(locked, [Init, DropColor], _linter.Lint(DropColor), new ApprovalRequest("*", "adopting Cognova.Build"));

        Assert.Equal([DropColor.Id], approved);
    }

    [Fact]
    public void An_unknown_migration_matches_nothing()
    {
        var (problems, approved) = Approvals.Apply(new LockedContext(), [Init], [], new ApprovalRequest("Nope", "x"));

        Assert.Empty(problems);
        Assert.Empty(approved);
    }
}
