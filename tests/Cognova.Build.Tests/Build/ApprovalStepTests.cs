using Cognova.Build.Tests.Lock;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations;

namespace Cognova.Build.Tests.Build;

public sealed class ApprovalStepTests
{
    private const string LockPath = "/src/Migrations/migrations.lock.json";

    private static readonly MigrationScript Init = LockTestData.Script("20240101000000_Init", "CREATE TABLE tags (id int, color text);");
    private static readonly MigrationScript DropTags = LockTestData.Script("20240102000000_DropTags", "DROP TABLE tags;");

    private readonly MigrationLinter _linter = new(RuleSeverities.Parse("COG2307=none"));

    [Fact]
    public void An_approval_is_recorded_in_the_lock_entry_and_said_with_its_reason()
    {
        var locked = new LockedContext();
        var findings = _linter.Lint(DropTags);

        var outcome = ApprovalStep.Apply("ShopContext", locked, [Init, DropTags], findings, new ApprovalRequest("DropTags", "tags moved to labels"), LockPath);

        Assert.Equal((1, true), (outcome.Matches, outcome.LockChanged));
        Assert.True(Approvals.IsApproved(locked, Assert.Single(findings)));
        var note = Assert.Single(outcome.Diagnostics);
        Assert.Equal((DiagnosticCodes.LockFileUpdated, DiagnosticSeverity.Info, LockPath), (note.Code, note.Severity, note.File));
        Assert.Equal($"ShopContext: approved 1 finding(s) of {DropTags.Id} in {LockPath} (reason: tags moved to labels). Commit the lock file.", note.Message);
    }

    [Fact]
    public void A_request_for_another_migration_matches_nothing_and_changes_nothing()
    {
        var locked = new LockedContext();

        var outcome = ApprovalStep.Apply("ShopContext", locked, [Init, DropTags], _linter.Lint(DropTags), new ApprovalRequest("AddNotes", "fine"), LockPath);

        Assert.Equal((0, false), (outcome.Matches, outcome.LockChanged));
        Assert.Empty(outcome.Diagnostics);
        Assert.Empty(locked.Migrations);
    }

    [Fact]
    public void An_earlier_unreviewed_migration_stops_the_approval_with_an_error_at_the_lock_file()
    {
        var locked = new LockedContext();
        var dropColor = LockTestData.Script("20240103000000_DropColor", "ALTER TABLE labels DROP COLUMN color;");
        var findings = _linter.Lint(DropTags).Concat(_linter.Lint(dropColor)).ToList();

        var outcome = ApprovalStep.Apply("ShopContext", locked, [Init, DropTags, dropColor], findings, new ApprovalRequest("DropColor", "fine"), LockPath);

        Assert.Equal((1, false), (outcome.Matches, outcome.LockChanged));
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidApproval, DiagnosticSeverity.Error, LockPath), (error.Code, error.Severity, error.File));
        Assert.Contains($"Migration {DropTags.Id} comes before the one to approve", error.Message);
    }
}
