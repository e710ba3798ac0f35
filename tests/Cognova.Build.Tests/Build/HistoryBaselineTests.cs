using Cognova.Engine.Build;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Build;

public sealed class HistoryBaselineTests
{
    private static readonly MigrationScript Init = Script("20240101000000_Init", new CreateTableOperation { Name = "tags" }, "CREATE TABLE tags (id int, color text);");
    private static readonly MigrationScript DropColor = Script("20240102000000_DropColor", new DropColumnOperation { Table = "tags", Name = "color" }, "ALTER TABLE tags DROP COLUMN color;");
    private static readonly MigrationScript AddNotes = Script("20240103000000_AddNotes", new CreateTableOperation { Name = "notes" }, "CREATE TABLE notes (id int);");

    private readonly MigrationLinter _linter = new(RuleSeverities.Defaults);

    [Fact]
    public void Findings_before_the_latest_migration_with_nothing_locked_are_an_unlocked_history()
    {
        var findings = _linter.Lint(DropColor);

        Assert.True(HistoryBaseline.IsUnlockedHistory(new LockedContext(), [Init, DropColor, AddNotes], findings));
    }

    [Fact]
    public void Findings_in_the_latest_migration_alone_or_a_lock_entry_are_not()
    {
        var findings = _linter.Lint(DropColor);
        var locked = new LockedContext();
        LockVerifier.Append(locked, Init);

        Assert.False(HistoryBaseline.IsUnlockedHistory(new LockedContext(), [Init, DropColor], findings));
        Assert.False(HistoryBaseline.IsUnlockedHistory(locked, [Init, DropColor, AddNotes], findings));
        Assert.False(HistoryBaseline.IsUnlockedHistory(new LockedContext(), [Init, AddNotes], []));
    }

    [Fact]
    public void Warnings_alone_before_the_latest_migration_do_not_stop_the_build_for_a_summary()
    {
        var warningsOnly = _linter.Lint(DropColor).Where(f => f.Severity == DiagnosticSeverity.Warning).ToList();

        Assert.NotEmpty(warningsOnly);
        Assert.False(HistoryBaseline.IsUnlockedHistory(new LockedContext(), [Init, DropColor, AddNotes], warningsOnly));
    }

    [Fact]
    public void The_summary_counts_the_findings_and_gives_the_baseline_command_with_both_projects_of_a_layered_solution()
    {
        var api = new ProjectInfo("/src/Shop.Api/Shop.Api.csproj", "/src/Shop.Api", "Shop.Api");
        var findings = _linter.Lint(DropColor);

        var summary = HistoryBaseline.Summary("ShopContext", [Init, DropColor, AddNotes], findings, api, "/src/Shop.Data/Shop.Data.csproj", new SourceLocation("/src/Shop.Data/Migrations/ShopContextModelSnapshot.cs", 13, 13));

        Assert.Equal((DiagnosticCodes.HistoryNeedsBaseline, DiagnosticSeverity.Error), (summary.Code, summary.Severity));
        Assert.Equal(("/src/Shop.Data/Migrations/ShopContextModelSnapshot.cs", 13), (summary.File, summary.Line));
        // The drop is destructive (COG2102) and takes a strong lock without a lock_timeout guard (COG2307).
        Assert.StartsWith("ShopContext has 3 migrations and no lock file yet: 2 finding(s) in 1 migration(s) (1 error(s)", summary.Message);
        Assert.Contains("dotnet cognova baseline -p /src/Shop.Data/Shop.Data.csproj -s /src/Shop.Api/Shop.Api.csproj --reason \"<why this history is safe>\"", summary.Message);
        Assert.Contains("COGNOVA_APPROVE_REASON=\"<why this history is safe>\" dotnet build /src/Shop.Api/Shop.Api.csproj -t:CognovaApprove -p:CognovaApproveMigration=\"*\"", summary.Message);
        Assert.Contains("  - 20240102000000_DropColor: COG2102, COG2307", summary.Message);
    }

    private static MigrationScript Script(string id, MigrationOperation operation, string sql)
        => new(id, MigrationIds.NameOf(id), [operation], [sql], sql);
}
