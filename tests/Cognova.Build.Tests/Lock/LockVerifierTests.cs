using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lock;
using static Cognova.Build.Tests.Lock.LockTestData;

namespace Cognova.Build.Tests.Lock;

public sealed class LockVerifierTests
{
    private static readonly IReadOnlyList<Cognova.Migrations.MigrationScript> Three = Scripts(
        ("20240101000000_Init", "CREATE TABLE a (id int);"),
        ("20240102000000_AddB", "CREATE TABLE b (id int);"),
        ("20240103000000_AddC", "CREATE TABLE c (id int);"));

    [Fact]
    public void A_new_lock_takes_every_clean_migration_in_order_with_a_chain()
    {
        var locked = new LockedContext();

        var result = LockVerifier.Verify(locked, Three, _ => false, readOnly: false);

        Assert.Empty(result.Problems);
        Assert.Equal(Three.Select(s => s.Id), result.Appended);
        Assert.Equal(Three.Select(s => s.SqlHash), locked.Migrations.Select(m => m.Sql));
        Assert.Equal(LockChain.Next(null, Three[0].Id, Three[0].SqlHash), locked.Migrations[0].Chain);
        Assert.Equal(LockChain.Next(locked.Migrations[0].Chain, Three[1].Id, Three[1].SqlHash), locked.Migrations[1].Chain);
    }

    [Fact]
    public void Appending_stops_at_the_first_migration_with_an_unapproved_destructive_finding()
    {
        var locked = new LockedContext();

        var result = LockVerifier.Verify(locked, Three, id => id == Three[1].Id, readOnly: false);

        Assert.Equal([Three[0].Id], result.Appended);
        Assert.Single(locked.Migrations);
    }

    [Fact]
    public void A_read_only_lock_reports_every_missing_migration_and_writes_nothing()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Three[0]);

        var result = LockVerifier.Verify(locked, Three, _ => false, readOnly: true);

        Assert.Equal([Three[1].Id, Three[2].Id], result.Problems.Select(p => p.MigrationId));
        Assert.All(result.Problems, p => Assert.Equal(DiagnosticCodes.MigrationNotLocked, p.Code));
        Assert.Empty(result.Appended);
        Assert.Single(locked.Migrations);
    }

    [Fact]
    public void An_edited_locked_migration_is_reported_and_nothing_is_appended()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Three[0]);
        var edited = Scripts(("20240101000000_Init", "CREATE TABLE a (id bigint);"), (Three[1].Id, "CREATE TABLE b (id int);"));

        var result = LockVerifier.Verify(locked, edited, _ => false, readOnly: false);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.LockedMigrationEdited, Three[0].Id), (problem.Code, problem.MigrationId));
        Assert.Contains("corrective migration", problem.Message);
        Assert.Empty(result.Appended);
    }

    [Fact]
    public void A_locked_migration_that_no_longer_exists_is_reported()
    {
        var locked = new LockedContext();
        foreach (var script in Three)
        {
            LockVerifier.Append(locked, script);
        }

        var result = LockVerifier.Verify(locked, Three.Take(2).ToList(), _ => false, readOnly: false);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.LockedMigrationMissing, problem.Code);
        Assert.Contains(Three[2].Id, problem.Message);
    }

    [Fact]
    public void A_new_migration_that_sorts_before_a_locked_one_means_two_branches_merged()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Three[0]);
        LockVerifier.Append(locked, Three[2]);

        var result = LockVerifier.Verify(locked, Three, _ => false, readOnly: false);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((DiagnosticCodes.LockOrderMismatch, Three[1].Id), (problem.Code, problem.MigrationId));
        Assert.Contains($"sorts before locked migration {Three[2].Id}", problem.Message);
    }

    [Fact]
    public void A_chain_changed_by_hand_is_caught()
    {
        var locked = new LockedContext();
        foreach (var script in Three)
        {
            LockVerifier.Append(locked, script);
        }

        locked.Migrations[1].Chain = "sha256:" + new string('0', 64);

        var result = LockVerifier.Verify(locked, Three, _ => false, readOnly: false);

        // One edit, one problem: the entry after it is checked against the chain the edited one should have.
        var problem = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticCodes.LockFileMalformed, problem.Code);
        Assert.Contains($"The chain hash of migration {Three[1].Id}", problem.Message);
    }

    [Fact]
    public void Editing_an_old_migration_changes_every_later_chain_entry()
    {
        var original = new LockedContext();
        var edited = new LockedContext();
        foreach (var script in Three)
        {
            LockVerifier.Append(original, script);
        }

        LockVerifier.Append(edited, Script(Three[0].Id, "CREATE TABLE a (id bigint);"));
        LockVerifier.Append(edited, Three[1]);
        LockVerifier.Append(edited, Three[2]);

        Assert.All(Enumerable.Range(0, 3), i => Assert.NotEqual(original.Migrations[i].Chain, edited.Migrations[i].Chain));
    }
}
