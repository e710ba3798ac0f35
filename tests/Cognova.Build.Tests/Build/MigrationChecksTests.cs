using Cognova.Engine;
using Cognova.Engine.Build;
using Cognova.Engine.Build.Checks;
using Cognova.Engine.Build.Results;
using Cognova.Engine.DesignTime;
using Cognova.Engine.Diagnostics;
using Cognova.Engine.Lint;
using Cognova.Engine.Lock;
using Cognova.Engine.Sources;
using Cognova.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cognova.Build.Tests.Build;

/// <summary>
/// The checks on a real model's migrations (SQL from Npgsql's generator, the real rules): the result says what
/// was found and which lock file to write, and nothing is written until the result is.
/// </summary>
public sealed class MigrationChecksTests : IDisposable
{
    private const string CreateBooksId = "20240101000000_CreateBooks";
    private const string DropGenreId = "20240102000000_DropGenre";

    private readonly string _directory = Directory.CreateTempSubdirectory("cognova-migration-checks-").FullName;
    private readonly IReadOnlyList<MigrationScript> _scripts;
    private readonly IReadOnlyList<Finding> _findings;

    public MigrationChecksTests()
    {
        using var context = new ShelfContext();
        _scripts = MigrationScripts.Generate(context);
        var linter = new MigrationLinter(Settings().RuleSeverities);
        _findings = _scripts.SelectMany(linter.Lint).ToList();
    }

    private string ProjectFile => Path.Combine(_directory, "Shelf.csproj");

    private string LockPath => Path.Combine(_directory, CheckSettings.DefaultLockFileName);

    [Fact]
    public void A_local_check_locks_the_safe_migration_reports_the_destructive_one_and_writes_nothing_itself()
    {
        var checks = Checks(Settings());
        var diagnostics = new DiagnosticList();

        var (context, matches) = checks.Check(Shelf(), _scripts, _findings, snapshotLocation: null, approval: null, diagnostics);

        Assert.Equal(0, matches);
        Assert.Equal(LockPath, context.LockFile);
        Assert.Equal([CreateBooksId, DropGenreId], context.Migrations.Select(m => m.Id));
        Assert.Equal([MigrationLockStatus.LockedNow, MigrationLockStatus.NotLocked], context.Migrations.Select(m => m.LockStatus));
        var dropGenre = Assert.Single(context.Migrations[1].Findings);
        Assert.Equal(("COG2102", "drops column books.genre", false), (dropGenre.Finding.Rule.Id, dropGenre.Finding.Hit.Action, dropGenre.IsApproved));
        Assert.Equal(
            [("COG2102", DiagnosticSeverity.Error, ProjectFile), (DiagnosticCodes.LockFileUpdated, DiagnosticSeverity.Info, LockPath)],
            diagnostics.Items.Select(d => (d.Code, d.Severity, d.File)));

        var write = Assert.Single(checks.LockWrites());
        Assert.Equal(LockPath, write.Path);
        Assert.Equal([CreateBooksId], write.File.For("ShelfContext").Migrations.Select(m => m.Id));
        Assert.Equal([LockPath], checks.LockFiles());
        Assert.False(File.Exists(LockPath));

        LockFileWrites.Perform(CheckResult.Empty with { LockWrites = checks.LockWrites() }, new HostLog(TextWriter.Null, verbose: false));
        Assert.Equal([CreateBooksId], LockFileSerializer.Read(LockPath).For("ShelfContext").Migrations.Select(m => m.Id));
    }

    [Fact]
    public void An_approval_locks_both_migrations_and_the_finding_it_approved_is_no_longer_reported()
    {
        var checks = Checks(Settings());
        var diagnostics = new DiagnosticList();

        var (context, matches) = checks.Check(Shelf(), _scripts, _findings, snapshotLocation: null, new ApprovalRequest("DropGenre", "the genre moved to tags"), diagnostics);

        Assert.Equal(1, matches);
        Assert.Equal([MigrationLockStatus.Locked, MigrationLockStatus.Locked], context.Migrations.Select(m => m.LockStatus));
        Assert.Equal("the genre moved to tags", Assert.Single(context.Migrations[1].Findings).Approval?.Reason);
        var note = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.LockFileUpdated, note.Code);
        Assert.StartsWith($"ShelfContext: approved 1 finding(s) of {DropGenreId}", note.Message);
        Assert.Single(checks.LockWrites());
        Assert.False(File.Exists(LockPath));
    }

    [Fact]
    public void In_locked_mode_nothing_is_to_be_written_and_each_migration_missing_from_the_lock_is_an_error_at_its_class()
    {
        var migrationsFolder = Directory.CreateDirectory(Path.Combine(_directory, "Migrations")).FullName;
        var sources = new[] { (CreateBooksId, "CreateBooks"), (DropGenreId, "DropGenre") }
            .Select(m => Write(Path.Combine(migrationsFolder, m.Item1 + ".cs"), $"public partial class {m.Item2} : Migration\n{{\n}}\n"))
            .ToList();
        var checks = Checks(Settings() with { LockReadOnly = true }, new SourceIndex(sources));
        var diagnostics = new DiagnosticList();

        var (context, _) = checks.Check(Shelf(), _scripts, _findings, snapshotLocation: null, approval: null, diagnostics);

        Assert.Equal([MigrationLockStatus.NotLocked, MigrationLockStatus.NotLocked], context.Migrations.Select(m => m.LockStatus));
        var notLocked = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.MigrationNotLocked).ToList();
        Assert.Equal(sources, notLocked.Select(d => d.File));
        Assert.Equal(2, context.LockProblems.Count);
        Assert.Empty(checks.LockWrites());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }

    private static CheckSettings Settings() => new(
        DiagnosticSeverity.Error,
        ContextNames: [],
        SqlCheck: true,
        RuleSeverities.Parse("COG2307=none"),
        LockCheck: true,
        LockReadOnly: false,
        LockFile: null,
        SarifLog: null,
        ReportJson: null);

    private static ContextResult Shelf() => new(
        "ShelfContext", typeof(ShelfContext).FullName!, "Cognova.Build.Tests", ContextResult.DefaultHistoryTable, null, null, [], [], [], []);

    private MigrationChecks Checks(CheckSettings settings, SourceIndex? sources = null)
        => new(new ProjectInfo(ProjectFile, _directory, "Shelf"), settings, sources ?? new SourceIndex([]));

    private sealed class ShelfContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseNpgsql("Host=localhost");
    }

    [DbContext(typeof(ShelfContext))]
    [Migration(CreateBooksId)]
    private sealed class CreateBooks : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.CreateTable(
                name: "books",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    genre = table.Column<string>(type: "text", nullable: true),
                },
                constraints: table => table.PrimaryKey("PK_books", x => x.id));
    }

    [DbContext(typeof(ShelfContext))]
    [Migration(DropGenreId)]
    private sealed class DropGenre : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
            => migrationBuilder.DropColumn(name: "genre", table: "books");
    }
}
