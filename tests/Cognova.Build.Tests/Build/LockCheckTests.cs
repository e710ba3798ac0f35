using Cognova.Build.Tests.Lock;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;

namespace Cognova.Build.Tests.Build;

public sealed class LockCheckTests
{
    private const string LockPath = "/src/Migrations/migrations.lock.json";

    private static readonly MigrationScript Init = LockTestData.Script("20240101000000_Init", "CREATE TABLE tags (id int, color text);");
    private static readonly MigrationScript AddNotes = LockTestData.Script("20240102000000_AddNotes", "ALTER TABLE tags ADD notes text;");
    private static readonly MigrationScript DropTags = LockTestData.Script("20240103000000_DropTags", "DROP TABLE tags;");

    private readonly MigrationLinter _linter = new(RuleSeverities.Parse("COG2307=none"));

    [Fact]
    public void New_migrations_are_locked_up_to_the_first_with_an_open_destructive_finding()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);
        var scripts = new[] { Init, AddNotes, DropTags };

        var outcome = LockCheck.Verify("ShopContext", locked, scripts, Placed(scripts, locked), LockPath, readOnly: false);

        Assert.True(outcome.LockChanged);
        Assert.Empty(outcome.Problems);
        Assert.Equal(
            [MigrationLockStatus.Locked, MigrationLockStatus.LockedNow, MigrationLockStatus.NotLocked],
            outcome.Migrations.Select(m => m.LockStatus));
        var note = Assert.Single(outcome.Diagnostics);
        Assert.Equal((DiagnosticCodes.LockFileUpdated, DiagnosticSeverity.Info, LockPath), (note.Code, note.Severity, note.File));
        Assert.Equal($"ShopContext: locked 1 new migration(s) in {LockPath}: {AddNotes.Id}. Commit the lock file.", note.Message);
    }

    [Fact]
    public void In_locked_mode_a_migration_missing_from_the_lock_is_an_error_at_its_class_and_nothing_is_appended()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);
        var scripts = new[] { Init, AddNotes };

        var outcome = LockCheck.Verify("ShopContext", locked, scripts, Placed(scripts, locked), LockPath, readOnly: true);

        Assert.False(outcome.LockChanged);
        Assert.Equal([Init.Id], locked.Migrations.Select(m => m.Id));
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal((DiagnosticCodes.MigrationNotLocked, DiagnosticSeverity.Error), (error.Code, error.Severity));
        Assert.Equal(($"/src/Migrations/{AddNotes.Id}.cs", 3, 14), (error.File, error.Line, error.Column));
        Assert.Equal([MigrationLockStatus.Locked, MigrationLockStatus.NotLocked], outcome.Migrations.Select(m => m.LockStatus));
    }

    [Fact]
    public void An_edited_locked_migration_is_reported_at_its_class_and_locks_nothing_new()
    {
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);
        var edited = LockTestData.Script(Init.Id, "CREATE TABLE tags (id bigint);");
        var scripts = new[] { edited, AddNotes };

        var outcome = LockCheck.Verify("ShopContext", locked, scripts, Placed(scripts, locked), LockPath, readOnly: false);

        Assert.False(outcome.LockChanged);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(DiagnosticCodes.LockedMigrationEdited, problem.Code);
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal((DiagnosticCodes.LockedMigrationEdited, $"/src/Migrations/{Init.Id}.cs"), (error.Code, error.File));
    }

    /// <summary>Each migration at a class of its own name, its findings open.</summary>
    private List<MigrationResult> Placed(IEnumerable<MigrationScript> scripts, LockedContext locked)
        => scripts.Select(s => new MigrationResult(
                s.Id,
                new Lazy<SourceLocation>(new SourceLocation($"/src/Migrations/{s.Id}.cs", 3, 14)),
                s.SqlHash,
                MigrationLockStatus.Unchecked,
                _linter.Lint(s).Select(f => new FindingResult(f, new SourceLocation($"/src/Migrations/{s.Id}.cs", 7, 13), Approvals.Find(locked, f), false)).ToList()))
            .ToList();
}
