using Cognova.Engine.Diagnostics;
using Cognova.Engine.Drift;
using Cognova.Engine.Sources;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Cognova.Build.Tests.Drift;

public sealed class DriftReportTests
{
    private static readonly SourceLocation Snapshot = new("/src/Migrations/AppDbContextModelSnapshot.cs", 14, 5);

    [Fact]
    public void No_differences_means_no_diagnostic()
    {
        var drift = new ModelDrift("AppDbContext", "AppDbContextModelSnapshot", "20240101_Init", []);

        Assert.Null(DriftReport.ToDiagnostic(drift, DiagnosticSeverity.Error, Snapshot));
    }

    [Fact]
    public void Drift_lists_one_difference_per_line_and_ends_with_the_fix()
    {
        var drift = new ModelDrift(
            "AppDbContext",
            "AppDbContextModelSnapshot",
            "20240101_Init",
            [
                new AddColumnOperation { Table = "tags", Name = "weight", ClrType = typeof(int), ColumnType = "integer" },
                new DropTableOperation { Name = "legacy" },
            ]);

        var diagnostic = DriftReport.ToDiagnostic(drift, DiagnosticSeverity.Error, Snapshot)!;

        Assert.Equal(DiagnosticCodes.ModelDrift, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal((Snapshot.File, 14, 5), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Equal(
            [
                "AppDbContext: the model has 2 changes that no migration captures (compared with the snapshot of 20240101_Init):",
                "- column tags.weight: added (integer, not null)",
                "- table legacy: removed",
                "Add a migration: dotnet ef migrations add <Name> --context AppDbContext --no-build",
            ],
            diagnostic.Message.Split('\n'));
    }

    [Fact]
    public void A_context_without_migrations_gets_COG1002_with_the_first_migration_command()
    {
        var drift = new ModelDrift("AppDbContext", null, null, []);

        var diagnostic = DriftReport.ToDiagnostic(drift, DiagnosticSeverity.Warning, new SourceLocation("/src/AppDbContext.cs", 6))!;

        Assert.Equal(DiagnosticCodes.NoMigrations, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("dotnet ef migrations add InitialCreate --context AppDbContext", diagnostic.Message);
    }

    [Fact]
    public void Severity_none_reports_nothing()
    {
        var drift = new ModelDrift("AppDbContext", null, null, []);

        Assert.Null(DriftReport.ToDiagnostic(drift, DiagnosticSeverity.None, Snapshot));
    }
}
