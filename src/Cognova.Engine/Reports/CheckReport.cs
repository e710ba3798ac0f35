namespace Cognova.Engine.Reports;

/// <summary>Everything one check found, for the JSON report and the CI job summary.</summary>
public sealed class CheckReport
{
    public List<ContextReport> Contexts { get; } = [];
}

public sealed class ContextReport(string name, string fullName)
{
    public string Name { get; } = name;

    public string FullName { get; } = fullName;

    /// <summary>The assembly that declares the DbContext (a class library in a layered solution).</summary>
    public string? Assembly { get; init; }

    public string? LockFile { get; set; }

    /// <summary>Where EF Core records applied migrations: the migrations history table and its schema.</summary>
    public string HistoryTable { get; set; } = "__EFMigrationsHistory";

    public string? HistorySchema { get; set; }

    /// <summary>The model differences in plain words; empty when the model matches its snapshot.</summary>
    public List<string> Drift { get; } = [];

    public List<MigrationReport> Migrations { get; } = [];
}

public sealed class MigrationReport(string id, string? file, string sqlHash)
{
    public string Id { get; } = id;

    public string? File { get; } = file;

    public string SqlHash { get; } = sqlHash;

    /// <summary><c>locked</c>, <c>locked-now</c>, <c>not-locked</c>, or <c>unchecked</c> when the lock check is off.</summary>
    public string LockStatus { get; set; } = "unchecked";

    public List<FindingReport> Findings { get; } = [];
}

public sealed record FindingReport(
    string Rule,
    string RuleName,
    string Severity,
    string Action,
    string Statement,
    string StatementHash,
    string? File,
    int Line,
    bool Approved,
    string? Reason);
