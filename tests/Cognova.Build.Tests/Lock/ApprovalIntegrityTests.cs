using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Lock;

/// <summary>
/// An approval counts only with a reason, wherever it is read; from lock file version 2 approvals are
/// part of the chain, so one changed by hand is caught like a migration changed by hand.
/// </summary>
public sealed class ApprovalIntegrityTests
{
    private static readonly MigrationScript Init = LockTestData.Script("20240101000000_Init", "CREATE TABLE tags (id int, color text);");

    private static readonly MigrationScript DropColor = new(
        "20240102000000_DropColor",
        "DropColor",
        [new DropColumnOperation { Table = "tags", Name = "color" }],
        ["ALTER TABLE tags DROP COLUMN color;"],
        "ALTER TABLE tags DROP COLUMN color;");

    private static readonly MigrationScript Later = LockTestData.Script("20240103000000_Later", "SELECT 1;");

    private readonly MigrationLinter _linter = new(RuleSeverities.Defaults);

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n ")]
    public void An_approval_with_an_empty_or_blank_reason_approves_nothing(string reason)
    {
        var finding = _linter.Lint(DropColor).Single(f => f.Rule.Id == "COG2102");
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);
        LockVerifier.Append(locked, DropColor).Approvals.Add(new Approval(finding.Rule.Id, finding.StatementHash, reason, null));

        Assert.False(Approvals.IsApproved(locked, finding));
        Assert.Null(Approvals.Find(locked, finding));
        Assert.True(Approvals.HasApprovalWithoutReason(locked, finding));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Approving_with_a_blank_reason_is_refused_and_writes_nothing(string reason)
    {
        var locked = new LockedContext();

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor], _linter.Lint(DropColor), new ApprovalRequest("DropColor", reason));

        Assert.Equal(DiagnosticCodes.InvalidApproval, Assert.Single(problems).Code);
        Assert.Contains("reason", problems[0].Message);
        Assert.Empty(approved);
        Assert.Empty(locked.Migrations);
    }

    [Fact]
    public void Approving_again_with_a_reason_replaces_an_approval_that_had_none()
    {
        var finding = _linter.Lint(DropColor).Single(f => f.Rule.Id == "COG2102");
        var locked = new LockedContext(chainVersion: 1);
        LockVerifier.Append(locked, Init);
        LockVerifier.Append(locked, DropColor).Approvals.Add(new Approval(finding.Rule.Id, finding.StatementHash, " ", null));

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor], [finding], new ApprovalRequest("DropColor", "color moved"));

        Assert.Empty(problems);
        Assert.Equal([DropColor.Id], approved);
        Assert.Equal("color moved", Assert.Single(locked.Migrations[1].Approvals).Reason);
        Assert.True(Approvals.IsApproved(locked, finding));
    }

    [Fact]
    public void A_version_2_chain_covers_the_approvals_and_an_entry_without_approvals_hashes_as_in_version_1()
    {
        var locked = Approved();
        var plain = new LockedMigration(Init.Id, Init.SqlHash, "");

        Assert.Empty(LockVerifier.ChainProblems(locked));
        Assert.Equal(LockChain.Next(null, Init.Id, Init.SqlHash), LockChain.Next(null, plain, 2));
        Assert.NotEqual(LockChain.Next(locked.Migrations[0].Chain, locked.Migrations[1], 1), locked.Migrations[1].Chain);
    }

    public static TheoryData<string, Action<LockedMigration>> HandEdits => new()
    {
        { "reason changed", e => e.Approvals[0] = e.Approvals[0] with { Reason = "someone else's reason" } },
        { "reason emptied", e => e.Approvals[0] = e.Approvals[0] with { Reason = "" } },
        { "statement hash edited", e => e.Approvals[0] = e.Approvals[0] with { Statement = "sha256:" + new string('0', 64) } },
        { "approval added", e => e.Approvals.Add(new Approval("COG2101", "sha256:" + new string('1', 64), "added by hand", null)) },
    };

    [Theory]
    [MemberData(nameof(HandEdits))]
    public void An_approval_changed_by_hand_is_reported_with_its_migration_and_the_command_that_approves_again(string edit, Action<LockedMigration> change)
    {
        var locked = Approved();
        change(locked.Migrations[1]);

        var problems = LockVerifier.IntegrityProblems(locked, [Init, DropColor, Later]);

        var problem = Assert.Single(problems);
        Assert.True(problem.Code == DiagnosticCodes.ApprovalEditedByHand, edit);
        Assert.Equal(DropColor.Id, problem.MigrationId);
        Assert.Contains($"-t:CognovaApprove -p:CognovaApproveMigration={DropColor.Id} -p:CognovaApproveReason=", problem.Message);
    }

    [Fact]
    public void An_approval_added_by_hand_to_a_migration_without_findings_is_caught()
    {
        var locked = Approved();
        locked.Migrations[2].Approvals.Add(new Approval("COG2101", "sha256:" + new string('2', 64), "trust me", null));

        var problem = Assert.Single(LockVerifier.IntegrityProblems(locked, [Init, DropColor, Later]));

        Assert.Equal((DiagnosticCodes.ApprovalEditedByHand, Later.Id), (problem.Code, problem.MigrationId));
    }

    [Fact]
    public void Approving_again_replaces_approvals_changed_by_hand_and_the_chain_is_whole_again()
    {
        var locked = Approved();
        locked.Migrations[1].Approvals[0] = locked.Migrations[1].Approvals[0] with { Reason = "edited" };
        var findings = _linter.Lint(DropColor);

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor, Later], findings, new ApprovalRequest("DropColor", "reviewed again"));

        Assert.Empty(problems);
        Assert.Equal([DropColor.Id], approved);
        Assert.NotEmpty(locked.Migrations[1].Approvals);
        Assert.All(locked.Migrations[1].Approvals, a => Assert.Equal("reviewed again", a.Reason));
        Assert.Empty(LockVerifier.IntegrityProblems(locked, [Init, DropColor, Later]));
    }

    [Fact]
    public void Approving_another_migration_does_not_make_a_hand_edit_valid()
    {
        var locked = Approved();
        locked.Migrations[1].Approvals[0] = locked.Migrations[1].Approvals[0] with { Reason = "edited" };

        var (problems, approved) = Approvals.Apply(locked, [Init, DropColor, Later], _linter.Lint(DropColor), new ApprovalRequest("Later", "fine"));

        Assert.Equal(DiagnosticCodes.ApprovalEditedByHand, Assert.Single(problems).Code);
        Assert.Empty(approved);
        Assert.Equal("edited", locked.Migrations[1].Approvals[0].Reason);
    }

    [Fact]
    public void A_version_1_lock_is_upgraded_on_a_local_write_and_then_binds_its_approvals()
    {
        var file = new LockFile { Version = 1 };
        var locked = file.For("AppDbContext");
        var finding = _linter.Lint(DropColor).Single(f => f.Rule.Id == "COG2102");
        LockVerifier.Append(locked, Init);
        LockVerifier.Append(locked, DropColor).Approvals.Add(new Approval(finding.Rule.Id, finding.StatementHash, "ok", null));
        LockVerifier.Append(locked, Later);
        Assert.Empty(LockVerifier.ChainProblems(locked));

        LockUpgrade.ToCurrentVersion(file);

        Assert.Equal((2, 2), (file.Version, locked.ChainVersion));
        Assert.Empty(LockVerifier.ChainProblems(locked));
        var read = LockFileSerializer.Parse(LockFileSerializer.Serialize(file)).Contexts["AppDbContext"];
        read.Migrations[1].Approvals[0] = read.Migrations[1].Approvals[0] with { Reason = "edited" };
        Assert.Equal(DiagnosticCodes.ApprovalEditedByHand, Assert.Single(LockVerifier.ChainProblems(read)).Code);
    }

    [Fact]
    public void Upgrading_never_makes_a_broken_version_1_chain_look_whole()
    {
        var file = new LockFile { Version = 1 };
        var locked = file.For("AppDbContext");
        LockVerifier.Append(locked, Init);
        LockVerifier.Append(locked, DropColor);
        locked.Migrations[0].Chain = "sha256:" + new string('0', 64);

        LockUpgrade.ToCurrentVersion(file);

        Assert.NotEmpty(LockVerifier.ChainProblems(locked));
    }

    [Fact]
    public void A_merge_that_kept_the_entries_of_two_branches_is_named_as_such()
    {
        var main = new LockedContext();
        LockVerifier.Append(main, Init);
        LockVerifier.Append(main, DropColor);
        var branch = new LockedContext();
        LockVerifier.Append(branch, Init);
        var fromBranch = LockVerifier.Append(branch, Later);
        main.Migrations.Add(fromBranch);

        var problem = Assert.Single(LockVerifier.ChainProblems(main));

        Assert.Equal(DiagnosticCodes.LockFileMalformed, problem.Code);
        Assert.Contains($"Migration {Later.Id} was locked after {Init.Id}, not after {DropColor.Id}", problem.Message);
    }

    private LockedContext Approved()
    {
        var locked = new LockedContext();
        var (problems, _) = Approvals.Apply(locked, [Init, DropColor, Later], _linter.Lint(DropColor), new ApprovalRequest("DropColor", "color moved to tag_styles"));
        Assert.Empty(problems);
        LockVerifier.Verify(locked, [Init, DropColor, Later], _ => false, readOnly: false);
        Assert.Equal(3, locked.Migrations.Count);
        return locked;
    }
}
